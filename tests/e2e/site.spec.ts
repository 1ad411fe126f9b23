// axe runs on these pages in a11y-all-pages.spec.ts, once per page and mode.
import { test, expect, waitForHydration } from './support/fixtures';

test.describe('site foundation', () => {
  test('home page links to the concept page and the simulator', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('./');
    await waitForHydration(page);
    await expect(page).toHaveTitle(/ToolHive auth, explained/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'ToolHive authentication and authorization',
    );
    const concept = page.getByRole('link', { name: 'Read the concept page' });
    const simulator = page.getByRole('link', { name: 'Open the simulator' });
    await expect(concept).toBeVisible();
    await expect(simulator).toBeVisible();

    await concept.click();
    await expect(page).toHaveURL(/concepts\/auth-framework$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Authentication and authorization',
    );

    await page.goBack();
    await page.getByRole('link', { name: 'Open the simulator' }).click();
    await expect(page).toHaveURL(/simulator$/);
    expect(consoleErrors).toEqual([]);
  });

  test('a docs page renders its mermaid diagram as SVG', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('intro');
    await waitForHydration(page);
    await expect(page).toHaveTitle(
      'About this site | ToolHive auth, explained',
    );
    const svg = page.locator('.docusaurus-mermaid-container svg').first();
    await expect(svg).toBeVisible({ timeout: 30_000 });
    await expect(svg).toContainText('Simulator step');
    await expect(svg).toHaveAttribute('aria-roledescription', /sequence/);
    expect(consoleErrors).toEqual([]);
  });
});

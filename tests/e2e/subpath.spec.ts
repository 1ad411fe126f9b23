import { test, expect, waitForHydration } from './support/fixtures';
import { SUBPATH_BASE } from './support/servers';

// Runs against the build made with BASE_URL=/toolhive-auth/ (project "subpath").
test.describe('site under a sub-path', () => {
  test('pages, links and diagrams work under the sub-path', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('./');
    await waitForHydration(page);
    const concept = page.getByRole('link', { name: 'Read the concept page' });
    await expect(concept).toHaveAttribute(
      'href',
      `${SUBPATH_BASE}concepts/auth-framework`,
    );
    await concept.click();
    await expect(page).toHaveURL(
      new RegExp(`${SUBPATH_BASE}concepts/auth-framework$`),
    );
    await page.goto('intro');
    await expect(
      page.locator('.docusaurus-mermaid-container svg').first(),
    ).toBeVisible({
      timeout: 30_000,
    });
    expect(consoleErrors).toEqual([]);
  });

  test('the mock service worker registers with the sub-path as its scope', async ({
    page,
  }) => {
    await page.goto('./');
    await waitForHydration(page);
    const scope = await page.evaluate(async (base) => {
      const registration = await navigator.serviceWorker.register(
        `${base}mockServiceWorker.js`,
        {
          scope: base,
        },
      );
      await navigator.serviceWorker.ready;
      const active =
        registration.active ?? registration.installing ?? registration.waiting;
      const scriptURL = active?.scriptURL ?? '';
      await registration.unregister();
      return { scope: registration.scope, scriptURL };
    }, SUBPATH_BASE);
    expect(new URL(scope.scope).pathname).toBe(SUBPATH_BASE);
    expect(new URL(scope.scriptURL).pathname).toBe(
      `${SUBPATH_BASE}mockServiceWorker.js`,
    );
  });
});

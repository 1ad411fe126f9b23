/**
 * Code blocks keep their server HTML through hydration and become React
 * components only when used (src/components/HydrateOnUse): copying,
 * keyboard focus, dark mode and client-side navigation must all still work.
 */
import type { Page } from '@playwright/test';
import {
  test,
  expect,
  gotoInMode,
  waitForIdleCallback,
} from './support/fixtures';

const PAGE = 'concepts/auth-framework';

const blocks = (page: Page) => page.locator('.theme-code-block');

// Strings only Prism's chunk holds: a hook name of Prism's core, and a word of
// the bash grammar that the site adds (`prism.additionalLanguages`).
const PRISM_MARKERS = ['before-tokenize', 'BASHOPTS'];

/** How many scripts the page has loaded so far hold Prism. */
async function scriptsWithPrism(page: Page): Promise<number> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\.js(\?|$)/.test(entry.name))
      .map((entry) => entry.name),
  );
  let found = 0;
  for (const url of urls) {
    const body = await (await page.request.get(url)).text();
    if (PRISM_MARKERS.some((marker) => body.includes(marker))) found += 1;
  }
  return found;
}

test.describe('code blocks hydrated on use', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copy works after the pointer reaches a block', async ({
    page,
    consoleErrors,
  }) => {
    await gotoInMode(page, PAGE, 'light');
    const block = blocks(page).first();
    const text = await block
      .locator('.token-line')
      .evaluateAll((lines) => lines.map((l) => l.textContent ?? '').join('\n'));
    await block.hover();
    await block.getByRole('button', { name: /copy/i }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.trim()).toBe(text.trim());
    expect(consoleErrors).toEqual([]);
  });

  test('Prism loads with the first block used, not with the page', async ({
    page,
    consoleErrors,
  }) => {
    await gotoInMode(page, PAGE, 'light');
    const block = blocks(page).first();
    await block.scrollIntoViewIfNeeded();
    await waitForIdleCallback(page);
    // In view is not in use.
    expect(await scriptsWithPrism(page)).toBe(0);
    await block.hover();
    await expect.poll(() => scriptsWithPrism(page)).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  test('keyboard focus stays in a block and reaches its buttons', async ({
    page,
    consoleErrors,
  }) => {
    await gotoInMode(page, PAGE, 'light');
    const block = blocks(page).nth(1);
    await block.locator('pre').focus();
    await expect(block.locator('pre')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(block.getByRole('button').first()).toBeFocused();
    expect(consoleErrors).toEqual([]);
  });

  test('dark mode renders the dark code colours', async ({
    page,
    consoleErrors,
  }) => {
    const colours = (e: Element) => ({
      background: getComputedStyle(e).backgroundColor,
      token: e.querySelector('.token[style]')?.getAttribute('style') ?? '',
    });
    await gotoInMode(page, PAGE, 'light');
    const light = await blocks(page).first().evaluate(colours);
    await gotoInMode(page, PAGE, 'dark');
    // Background and token colours both come from the dark theme, not from
    // the light theme the HTML was built with.
    await expect
      .poll(async () => (await blocks(page).first().evaluate(colours)).token)
      .not.toBe(light.token);
    const dark = await blocks(page).first().evaluate(colours);
    expect(dark.background).not.toBe(light.background);
    expect(consoleErrors).toEqual([]);
  });

  test('after client-side navigation the blocks render at once', async ({
    page,
    consoleErrors,
  }) => {
    await gotoInMode(page, './', 'light');
    await page.getByRole('link', { name: 'Read the concept page' }).click();
    await expect(page).toHaveURL(/concepts\/auth-framework$/);
    const block = blocks(page).first();
    await expect(block.locator('.token-line').first()).toBeVisible();
    await block.hover();
    await expect(block.getByRole('button', { name: /copy/i })).toBeAttached();
    expect(consoleErrors).toEqual([]);
  });
});

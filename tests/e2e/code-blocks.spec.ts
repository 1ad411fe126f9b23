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

// Whether a script holds Prism, by URL: asset names carry a content hash, so
// one download per URL answers every poll of a test run.
const holdsPrism = new Map<string, Promise<boolean>>();

/** How many scripts the page has loaded so far hold Prism. */
async function scriptsWithPrism(page: Page): Promise<number> {
  const urls = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\.js(\?|$)/.test(entry.name))
      .map((entry) => entry.name),
  );
  const found = await Promise.all(
    urls.map((url) => {
      let answer = holdsPrism.get(url);
      if (!answer) {
        answer = page.request
          .get(url)
          .then((response) => response.text())
          .then((body) => PRISM_MARKERS.some((marker) => body.includes(marker)))
          .catch((error: unknown) => {
            holdsPrism.delete(url); // A failed download is asked again.
            throw error;
          });
        holdsPrism.set(url, answer);
      }
      return answer;
    }),
  );
  return found.filter(Boolean).length;
}

/**
 * Holds every script the page requests from now on (a block's chunk among
 * them) until the returned function is called.
 */
async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.js', async (route) => {
    await released;
    await route.continue();
  });
  return release;
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

  test('Tab from a block whose code scrolls sideways reaches its word-wrap button', async ({
    page,
    consoleErrors,
  }) => {
    await gotoInMode(page, PAGE, 'light');
    const block = blocks(page).first();
    const pre = block.locator('pre');
    // The live block shows the word-wrap button only once it has measured
    // this, after its first render.
    expect(await pre.evaluate((p) => p.scrollWidth > p.clientWidth)).toBe(true);
    // Hold the block's chunk, so that the Tab comes while it loads.
    const release = await holdScripts(page);
    await pre.focus();
    await page.keyboard.press('Tab');
    await expect(pre).toBeFocused();
    release();
    await expect(
      block.getByRole('button', { name: /word wrap/i }),
    ).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(block.getByRole('button', { name: /copy/i })).toBeFocused();
    expect(consoleErrors).toEqual([]);
  });

  test('text selected while the block loads stays selected when it goes live', async ({
    page,
    consoleErrors,
  }) => {
    await gotoInMode(page, PAGE, 'light');
    const block = blocks(page).nth(1);
    await block.scrollIntoViewIfNeeded();
    const release = await holdScripts(page);
    const lines = block.locator('.token-line');
    const from = await lines.nth(1).boundingBox();
    const to = await lines.nth(3).boundingBox();
    if (!from || !to) throw new Error('no line boxes');
    // The pointer reaching the block requests the chunk; a drag selects from
    // inside the second line to the very start of the fourth, so that the
    // selection ends with a line break.
    await page.mouse.move(from.x + 12, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x - 1, to.y + to.height / 2, { steps: 5 });
    const selected = await page.evaluate(() => String(getSelection()));
    expect(selected.length).toBeGreaterThan(10);
    expect(selected.endsWith('\n')).toBe(true);

    // Loaded while the button is still down: the markup stays.
    release();
    await expect.poll(() => scriptsWithPrism(page)).toBeGreaterThan(0);
    await waitForIdleCallback(page);
    await expect(block.getByRole('button')).toHaveCount(0);
    expect(await page.evaluate(() => String(getSelection()))).toBe(selected);

    // Released: the block goes live with the same text selected in its nodes.
    await page.mouse.up();
    await expect(block.getByRole('button', { name: /copy/i })).toBeAttached();
    expect(await page.evaluate(() => String(getSelection()))).toBe(selected);
    expect(
      await block.evaluate((b) =>
        b.contains(getSelection()?.anchorNode ?? null),
      ),
    ).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('dark mode shows the dark colours without Prism, as the live block does', async ({
    page,
    consoleErrors,
  }) => {
    // Every token's computed look, and the block's background.
    const look = (block: Element) => ({
      background: getComputedStyle(block.querySelector('pre') ?? block)
        .backgroundColor,
      tokens: [...block.querySelectorAll('.token')].map((token) => {
        const s = getComputedStyle(token);
        return [
          token.textContent,
          s.color,
          s.fontStyle,
          s.fontWeight,
          s.opacity,
          s.textDecorationLine,
        ].join(' | ');
      }),
    });
    const looks = async () => {
      const all: ReturnType<typeof look>[] = [];
      for (const block of await blocks(page).all())
        all.push(await block.evaluate(look));
      return all;
    };
    await gotoInMode(page, PAGE, 'light');
    const light = await looks();

    // Switched while the blocks are still the server's HTML (the toggle goes
    // through system, light and dark modes).
    const html = page.locator('html');
    for (
      let i = 0;
      i < 3 && (await html.getAttribute('data-theme')) !== 'dark';
      i += 1
    )
      await page.getByRole('button', { name: /dark and light mode/i }).click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    const switched = await looks();

    await gotoInMode(page, PAGE, 'dark');
    await waitForIdleCallback(page);
    const server = await looks();
    expect(await scriptsWithPrism(page)).toBe(0);
    expect(server.length).toBeGreaterThan(1);
    expect(server.flatMap((b) => b.tokens).length).toBeGreaterThan(100);
    for (const [i, block] of server.entries()) {
      expect(block.background).not.toBe(light[i]?.background);
      expect(block.tokens).not.toEqual(light[i]?.tokens);
    }
    expect(switched).toEqual(server);

    // Rendered by React in the dark theme: the same look, token by token,
    // from React's own inline styles (the sheet is off, as it would recolor
    // the live blocks too).
    for (const block of await blocks(page).all()) {
      await block.hover();
      await expect(block.getByRole('button', { name: /copy/i })).toBeAttached();
    }
    await page.evaluate(() => {
      const sheet = document.querySelector('style[data-code-dark]');
      if (!(sheet instanceof HTMLStyleElement))
        throw new Error('no dark sheet');
      sheet.disabled = true;
    });
    expect(await looks()).toEqual(server);
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

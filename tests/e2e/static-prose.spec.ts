/**
 * Doc prose keeps its server HTML through hydration (src/mdx/static-prose.ts
 * and src/components/StaticProse): React does no work for it, yet links to
 * other pages still navigate inside the app, and the page looks the same.
 */
import type { Page } from '@playwright/test';
import { test, expect, gotoInMode, waitForHydration } from './support/fixtures';

const PAGE = 'concepts/auth-framework';
const runs = (page: Page) => page.locator('.markdown > [data-static-prose]');

/** Whether React has attached itself to an element (hydrated or rendered). */
function reactOwns(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => Object.keys(el).some((k) => k.startsWith('__react')));
}

/** A flag on `window` survives client-side navigation, not a page load. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
}
function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      (window as unknown as { sameDocument?: boolean }).sameDocument === true,
  );
}

test.describe('static prose', () => {
  test('prose is not hydrated; code blocks and the simulator stay outside it', async ({
    page,
    consoleErrors,
  }) => {
    await gotoInMode(page, PAGE, 'light');
    expect(await runs(page).count()).toBeGreaterThan(3);
    // Every heading and paragraph of the article sits in a run.
    const outside = await page
      .locator('.markdown > :is(h2, h3, p, ul, ol, table)')
      .count();
    expect(outside).toBe(0);
    expect(await reactOwns(page, '[data-static-prose] a[href]')).toBe(false);
    expect(await reactOwns(page, '[data-static-prose] h2')).toBe(false);
    // Interactive parts are never inside a run.
    await expect(runs(page).locator('pre, [data-simulator-embed]')).toHaveCount(
      0,
    );
    await expect(page.locator('.markdown pre').first()).toBeAttached();
    expect(consoleErrors).toEqual([]);
  });

  test('a link to another page navigates inside the app, to its anchor', async ({
    page,
    consoleErrors,
  }) => {
    await gotoInMode(page, PAGE, 'light');
    await markDocument(page);
    const link = runs(page)
      .locator('a[href*="reference/authorization#cedar"]')
      .first();
    await link.click();
    await expect(page).toHaveURL(/reference\/authorization#cedar$/);
    await expect(page.locator('h1')).toHaveText('Authorization reference');
    await expect(page.locator('#cedar')).toBeInViewport();
    expect(await sameDocument(page)).toBe(true);

    // Back on the concept page, now rendered by React (no server HTML), the
    // prose is live and its links still navigate.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
    await expect(runs(page).first()).toBeAttached();
    expect(await reactOwns(page, '[data-static-prose] a[href]')).toBe(true);
    await runs(page).locator('a[href*="glossary#"]').first().click();
    await expect(page).toHaveURL(/glossary#/);
    expect(await sameDocument(page)).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('a run changes no layout: the page looks as if it were not there', async ({
    page,
    consoleErrors,
  }) => {
    /** Top and height of every block of the article, in CSS pixels. */
    const boxes = () =>
      page
        .locator('.markdown :is(h2, h3, p, ul, ol, table, section)')
        .evaluateAll((els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return `${e.tagName} ${Math.round(r.top + scrollY)} ${Math.round(r.height)}`;
          }),
        );
    // 375 px crosses Infima's 576 px breakpoint for heading sizes.
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await gotoInMode(page, PAGE, 'light');
      const withRuns = await boxes();
      expect(withRuns.length).toBeGreaterThan(40);
      // Lift each run's blocks into the article, where Infima's own
      // `.markdown > h2` rules apply to them.
      await runs(page).evaluateAll((els) => {
        for (const el of els) el.replaceWith(...el.childNodes);
      });
      await expect(runs(page)).toHaveCount(0);
      expect(await boxes()).toEqual(withRuns);
    }
    expect(consoleErrors).toEqual([]);
  });

  test('footnote and modifier clicks are left to the browser', async ({
    page,
    context,
    consoleErrors,
  }) => {
    await gotoInMode(page, PAGE, 'light');
    await markDocument(page);
    const ref = runs(page).locator('a[data-footnote-ref]').first();
    const target = (await ref.getAttribute('href')) ?? '';
    await ref.click();
    await expect(page).toHaveURL(new RegExp(`${PAGE}${target}$`));
    await expect(page.locator(target)).toBeInViewport();
    expect(await sameDocument(page)).toBe(true);

    // Ctrl-click opens the page in a new tab, and this one stays put.
    const opened = context.waitForEvent('page');
    await runs(page)
      .locator('a[href*="glossary#"]')
      .first()
      .click({ modifiers: ['Control'] });
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toMatch(/glossary#/);
    await expect(page).toHaveURL(new RegExp(`${PAGE}${target}$`));
    expect(consoleErrors).toEqual([]);
  });

  test('keyboard: Enter on a focused prose link navigates', async ({
    page,
    consoleErrors,
  }) => {
    await gotoInMode(page, PAGE, 'light');
    await waitForHydration(page);
    await markDocument(page);
    await runs(page).locator('a[href*="glossary#"]').first().focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/glossary#/);
    expect(await sameDocument(page)).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});

import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Console messages that are expected and harmless: Chromium logs every 4xx
 * or 5xx response as "Failed to load resource", including responses that the
 * simulator's mock servers send on purpose (401, 403, 404).
 */
const EXPECTED_CONSOLE_ERRORS = [
  /Failed to load resource: the server responded with a status of (4\d\d|5\d\d)/,
];

export interface SiteFixtures {
  /** Console errors and page errors seen so far, minus the expected ones. */
  consoleErrors: string[];
}

export const test = base.extend<SiteFixtures>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (EXPECTED_CONSOLE_ERRORS.some((re) => re.test(text))) return;
      errors.push(`${text} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    await use(errors);
  },
});

export { expect };

/** Wait until Docusaurus has hydrated the page, so client code has run. */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute(
    'data-has-hydrated',
    'true',
  );
}

/**
 * Wait until the browser is idle: it has rendered, delivered observer
 * callbacks and run the tasks they queued.
 */
export async function waitForIdleCallback(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestIdleCallback(() => resolve())),
  );
}

export type ColorMode = 'light' | 'dark';

/** Open a page in a given colour mode (the site follows the OS setting). */
export async function gotoInMode(
  page: Page,
  path: string,
  mode: ColorMode,
): Promise<void> {
  await page.emulateMedia({ colorScheme: mode });
  await page.goto(path);
  await waitForHydration(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', mode);
}

/**
 * Run axe with the WCAG 2.0/2.1 A and AA rules; returns readable findings.
 *
 * Legacy mode runs axe in the page itself. The default opens a blank page for
 * each scan to merge the results of cross-origin frames, which these pages do
 * not have (none has an iframe); that page cost about 1 s of a 1.2 s scan of
 * a small region on a 2-core machine, and axe itself 30 ms.
 */
export async function axeViolations(
  page: Page,
  include?: string,
): Promise<string[]> {
  let builder = new AxeBuilder({ page })
    .setLegacyMode()
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

import type { Page, Request } from '@playwright/test';
import {
  test,
  expect,
  waitForHydration,
  waitForIdleCallback,
} from './support/fixtures';
import { next, simRoot, waitIdle } from './simulator-helpers';

const CONCEPT = 'concepts/auth-framework';
const PLAIN = 'glossary';

/** Strings that only the lazily loaded simulator code contains. */
const LAZY_MARKERS = [
  'mockServiceWorker.js', // msw's browser worker setup
  'JWSSignatureVerificationFailed', // jose
  'cedar_wasm_bg.wasm', // Cedar
];

interface JsLog {
  bytes: number;
  bodies: string[];
  /** One promise per request seen so far, settled once its body is counted. */
  pending: Promise<void>[];
}

/** Records the body of every JavaScript file the page requests. */
function recordJs(page: Page): JsLog {
  const log: JsLog = { bytes: 0, bodies: [], pending: [] };
  page.on('request', (request: Request) => {
    log.pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return;
        const type = response.headers()['content-type'] ?? '';
        if (!type.includes('javascript') && !response.url().endsWith('.js'))
          return;
        const body = await response.body();
        log.bytes += body.length;
        log.bodies.push(body.toString('utf8'));
      })().catch(() => undefined),
    );
  });
  return log;
}

/**
 * The page has hydrated, the browser has run its pending work (so a lazy
 * load triggered by an IntersectionObserver would have started) and every
 * request made so far has been answered and counted.
 */
async function settle(page: Page, js: JsLog): Promise<void> {
  await waitForHydration(page);
  await waitForIdleCallback(page);
  await Promise.all(js.pending);
}

test.describe('the simulator embedded in the concept page', () => {
  test('loads no simulator code until the reader presses Start', async ({
    page,
    browser,
    consoleErrors,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const js = recordJs(page);
    await page.goto(CONCEPT);
    await settle(page, js);
    // In view is not enough: only Start loads the simulator.
    await page.locator('[data-simulator-embed]').scrollIntoViewIfNeeded();
    await settle(page, js);
    const before = js.bytes;
    expect(await page.locator('[data-simulator-placeholder]').count()).toBe(1);
    expect(await simRoot(page).count()).toBe(0);
    for (const marker of LAZY_MARKERS) {
      expect(
        js.bodies.some((b) => b.includes(marker)),
        `no ${marker} before Start`,
      ).toBe(false);
    }

    await page.getByRole('button', { name: 'Start the simulator' }).click();
    await expect(simRoot(page)).toHaveAttribute('data-cursor', '0', {
      timeout: 20_000,
    });
    await settle(page, js);
    const after = js.bytes;
    expect(after).toBeGreaterThan(before);

    const plainPage = await browser.newPage({
      viewport: { width: 1280, height: 800 },
    });
    const plainJs = recordJs(plainPage);
    await plainPage.goto(PLAIN);
    await settle(plainPage, plainJs);
    await plainPage.close();
    const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
    const summary = `JS bytes: ${PLAIN} ${kib(plainJs.bytes)}; ${CONCEPT} ${kib(before)} before the simulator loads, ${kib(after)} after`;
    console.log(summary);
    test.info().annotations.push({ type: 'js-bytes', description: summary });
    expect(consoleErrors).toEqual([]);
  });

  for (const width of [1280, 375]) {
    test(`the start card takes at most 320 px at ${width} px, under the "Try it" heading`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(CONCEPT);
      await waitForHydration(page);
      const embed = page.locator('[data-simulator-embed]');
      await embed.scrollIntoViewIfNeeded();
      const box = await embed.boundingBox();
      expect(box?.height ?? Infinity).toBeLessThanOrEqual(320);
      // The card says what the simulator will show, and how to start it.
      await expect(embed).toContainText('401 challenge');
      await expect(embed).toContainText('Cedar decision');
      await expect(
        embed.getByRole('button', { name: 'Start the simulator' }),
      ).toBeVisible();
      // The nearest heading before the embed is "Try it", which is in the TOC.
      const heading = await embed.evaluate((el) => {
        const all = [
          ...document.querySelectorAll(
            '.theme-doc-markdown h2, .theme-doc-markdown h3',
          ),
        ];
        const before = all.filter(
          (h) =>
            h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
        return before.at(-1)?.id ?? '';
      });
      expect(heading).toBe('try-it');
      if (width >= 997) {
        await expect(
          page.locator('.table-of-contents a[href="#try-it"]'),
        ).toHaveCount(1);
      }
    });
  }

  test('Start loads it at once and moves focus into it', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto(CONCEPT);
    await waitForHydration(page);
    const start = page.getByRole('button', { name: 'Start the simulator' });
    await start.focus();
    await page.keyboard.press('Enter');
    await expect(simRoot(page)).toBeFocused({ timeout: 20_000 });
  });

  test('a #sim- deep link restores that state and the hash follows the reader', async ({
    page,
  }) => {
    await page.goto(`${CONCEPT}#sim-scenario=wrong-audience&sim-step=7`);
    await waitForHydration(page);
    await expect(simRoot(page)).toHaveAttribute(
      'data-scenario',
      'wrong-audience',
      {
        timeout: 20_000,
      },
    );
    await expect(simRoot(page)).toHaveAttribute('data-cursor', '7');
    await waitIdle(page);
    await next(page, 8);
    await expect(page).toHaveURL(/#sim-scenario=wrong-audience&sim-step=8$/);
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'failure');

    // Following another #sim- link on the same page loads that state.
    await page.evaluate(() => {
      window.location.hash = 'sim-scenario=cimd&sim-step=2';
    });
    await expect(simRoot(page)).toHaveAttribute('data-scenario', 'cimd');
    await expect(simRoot(page)).toHaveAttribute('data-cursor', '2');
  });
});

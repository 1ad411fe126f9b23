/**
 * Bundle budget: the JavaScript a reader downloads to render the concept page
 * without touching the simulator, against a plain doc page of the same build.
 * Fails (exit 1) when the ratio is above the budget. Prints both figures.
 *
 *   npm run check:budget [-- --dir build --max-ratio 1.25]
 */
import { chromium, type Page } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  NO_CHROMIUM_MESSAGE,
  findChromium,
} from '../tests/e2e/support/chromium';
import { option } from './lib/args';
import { serveBuild } from './lib/static-server';

const DIR = option('dir', 'build');
const MAX_RATIO = Number(option('max-ratio', '1.25'));
const CONCEPT = 'concepts/auth-framework';
/** A prose-only page: no diagrams, no simulator. */
const PLAIN = 'glossary';

/** Sum the bytes of every JavaScript response while the page loads and settles. */
export async function jsBytes(
  page: Page,
  url: string,
): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const pending: Promise<void>[] = [];
  const onResponse = (response: import('@playwright/test').Response): void => {
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('javascript') && !response.url().endsWith('.js')) return;
    pending.push(
      response.body().then(
        (body) => {
          bytes += body.length;
          files += 1;
        },
        () => undefined,
      ),
    );
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('html[data-has-hydrated="true"]').waitFor();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  page.off('response', onResponse);
  return { bytes, files };
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const server = await serveBuild(DIR);
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  try {
    const measure = async (path: string) => {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
      });
      const page = await context.newPage();
      const result = await jsBytes(page, `${server.url}${path}`);
      await context.close();
      return result;
    };
    const concept = await measure(CONCEPT);
    const plain = await measure(PLAIN);
    const ratio = concept.bytes / plain.bytes;
    const kb = (n: number) => (n / 1024).toFixed(1);
    console.log(
      `concept page /${CONCEPT}: ${kb(concept.bytes)} KiB of JS in ${concept.files} files`,
    );
    console.log(
      `plain page   /${PLAIN}: ${kb(plain.bytes)} KiB of JS in ${plain.files} files`,
    );
    console.log(`ratio ${ratio.toFixed(3)} (budget ${MAX_RATIO})`);
    console.log(
      `RESULT concept_js_bytes=${concept.bytes} plain_js_bytes=${plain.bytes} ratio=${ratio.toFixed(3)}`,
    );
    if (ratio > MAX_RATIO) {
      console.error(
        `Bundle budget exceeded: the concept page loads ${ratio.toFixed(2)}x the JS of a plain page (max ${MAX_RATIO}).`,
      );
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

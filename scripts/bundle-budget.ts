/**
 * Bundle budget: the JavaScript a reader downloads to render the concept page
 * without touching the simulator, against a plain doc page of the same build.
 * Fails (exit 1) when the ratio is above the budget, or when the plain page
 * itself loads more than an absolute budget: a ratio alone cannot see code
 * that every page loads (mermaid's libraries once did). Prints both figures.
 *
 *   npm run check:budget [-- --dir build --max-ratio 1.25 --max-plain-kib 1024]
 */
import { chromium, type Page, type Request } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  NO_CHROMIUM_MESSAGE,
  findChromium,
} from './lib/chromium';
import { options } from './lib/args';
import { serveBuild } from './lib/static-server';

const args = options({
  dir: 'build',
  'max-ratio': '1.25',
  'max-plain-kib': '1024',
});
const DIR = args.dir;
const MAX_RATIO = Number(args['max-ratio']);
const MAX_PLAIN_KIB = Number(args['max-plain-kib']);
const CONCEPT = 'concepts/auth-framework';
/** A prose-only page: no diagrams, no simulator. */
const PLAIN = 'glossary';

/**
 * Sum the bytes of every JavaScript file the page requests until it has
 * loaded, hydrated and gone idle (so lazy loads started by observers count).
 */
export async function jsBytes(
  page: Page,
  url: string,
): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const pending: Promise<void>[] = [];
  const onRequest = (request: Request): void => {
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return;
        const type = response.headers()['content-type'] ?? '';
        if (!type.includes('javascript') && !response.url().endsWith('.js'))
          return;
        // The static server sends Content-Length; the body of a prefetched
        // file is not always readable from the page afterwards.
        const length = Number(await response.headerValue('content-length'));
        bytes +=
          Number.isFinite(length) && length > 0
            ? length
            : (await response.body()).length;
        files += 1;
      })().catch(() => undefined),
    );
  };
  page.on('request', onRequest);
  await page.goto(url);
  await page.locator('html[data-has-hydrated="true"]').waitFor();
  await page.evaluate(
    () => new Promise<void>((resolve) => requestIdleCallback(() => resolve())),
  );
  await Promise.all(pending);
  page.off('request', onRequest);
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
    console.log(
      `ratio ${ratio.toFixed(3)} (budget ${MAX_RATIO}); plain page budget ${MAX_PLAIN_KIB} KiB`,
    );
    console.log(
      `RESULT concept_js_bytes=${concept.bytes} plain_js_bytes=${plain.bytes} ratio=${ratio.toFixed(3)}`,
    );
    if (ratio > MAX_RATIO) {
      console.error(
        `Bundle budget exceeded: the concept page loads ${ratio.toFixed(2)}x the JS of a plain page (max ${MAX_RATIO}).`,
      );
      process.exitCode = 1;
    }
    if (plain.bytes / 1024 > MAX_PLAIN_KIB) {
      console.error(
        `Bundle budget exceeded: a plain doc page loads ${kb(plain.bytes)} KiB of JS (max ${MAX_PLAIN_KIB} KiB).`,
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

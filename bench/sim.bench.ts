/**
 * Simulator speed in headless Chromium on the built site: every scenario is
 * run to the end N times (after one warm-up run) by clicking Next, and each
 * step is timed in the page from the click until its status turns done or
 * failed. Prints the median and p95 per step and per scenario, and the whole
 * happy path.
 *
 *   npm run build && npm run bench:sim [-- --runs 5 --dir build]
 */
import { chromium, type Page } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  NO_CHROMIUM_MESSAGE,
  findChromium,
} from '../scripts/lib/chromium';
import { serveBuild } from '../scripts/lib/static-server';
import { listScenarios } from '../src/simulator';
import { options } from '../scripts/lib/args';
import { median, percentile, resultLine, round } from './lib';

const args = options({ runs: '5', dir: 'build' });
const RUNS = Number(args.runs);
const DIR = args.dir;

/** Clicks Next and resolves with the milliseconds until the step settles. */
async function timeNext(page: Page, stepId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const item = document.querySelector(
      `[data-testid="sim-steps"] [data-step-id="${id}"]`,
    );
    const next = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Next',
    );
    if (!item || !next)
      throw new Error(`step ${id} or the Next button is missing`);
    const settled = () =>
      /^(done|failed)$/.test(item.getAttribute('data-step-status') ?? '');
    const started = performance.now();
    const done = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (settled()) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(item, {
        attributes: true,
        attributeFilter: ['data-step-status'],
      });
    });
    next.click();
    return done;
  }, stepId);
}

async function stepIds(page: Page): Promise<string[]> {
  const steps = page.getByTestId('sim-steps').locator('[data-step-id]');
  await steps.first().waitFor();
  return steps.evaluateAll((items) =>
    items.map((i) => i.getAttribute('data-step-id') ?? ''),
  );
}

async function runOnce(
  page: Page,
  base: string,
  scenario: string,
): Promise<Map<string, number>> {
  await page.goto(`${base}simulator?scenario=${scenario}`);
  await page.locator('html[data-has-hydrated="true"]').waitFor();
  const ids = await stepIds(page);
  const times = new Map<string, number>();
  for (const id of ids) {
    const item = page
      .getByTestId('sim-steps')
      .locator(`[data-step-id="${id}"]`);
    times.set(id, await timeNext(page, id));
    if ((await item.getAttribute('data-step-status')) === 'failed') break;
  }
  return times;
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const server = await serveBuild(DIR);
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({
    viewport: { width: 1280, height: 900 },
  });
  // tsx compiles this script with esbuild's keepNames, which wraps functions
  // in a `__name` helper; functions sent to the page need it defined there.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  const figures: Record<string, number> = {};
  try {
    console.log(
      `Simulator bench: ${RUNS} runs per scenario after a warm-up; times in ms (median / p95).`,
    );
    for (const { id } of listScenarios()) {
      await runOnce(page, server.url, id); // warm-up: loads chunks, Cedar, the worker
      const perStep = new Map<string, number[]>();
      const totals: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const times = await runOnce(page, server.url, id);
        let total = 0;
        for (const [step, ms] of times) {
          perStep.set(step, [...(perStep.get(step) ?? []), ms]);
          total += ms;
        }
        totals.push(total);
      }
      console.log(
        `\n${id}: whole scenario ${round(median(totals))} / ${round(percentile(totals, 95))}`,
      );
      for (const [step, values] of perStep) {
        console.log(
          `  ${step.padEnd(40)} ${String(round(median(values))).padStart(8)} ${String(round(percentile(values, 95))).padStart(8)}`,
        );
      }
      figures[`${id.replace(/-/g, '_')}_median_ms`] = round(median(totals));
      if (id === 'happy-path') {
        figures.happy_path_median_ms = round(median(totals));
        figures.happy_path_p95_ms = round(percentile(totals, 95));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const headline = {
    happy_path_median_ms: figures.happy_path_median_ms ?? Number.NaN,
    happy_path_p95_ms: figures.happy_path_p95_ms ?? Number.NaN,
    slowest_scenario_median_ms: Math.max(
      ...Object.entries(figures)
        .filter(
          ([k]) => k.endsWith('_median_ms') && k !== 'happy_path_median_ms',
        )
        .map(([, v]) => v),
    ),
    scenarios: listScenarios().length,
    runs: RUNS,
  };
  console.log(resultLine(headline));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

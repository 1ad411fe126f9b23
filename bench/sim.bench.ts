/**
 * Simulator speed in headless Chromium on the built site, against the
 * engine's own cost in Node, measured in the same run on the same machine.
 *
 * - Engine: every scenario run in Node (in-page MSW transport, Cedar's Node
 *   build): two warm-up runs of them all, then max(11, N) timed runs of
 *   every step, before the browser starts. Then the same engine alone in a
 *   Chromium page with no UI (bench/engine-page.ts), from script, from
 *   trusted clicks, and from trusted clicks with its requests through MSW's
 *   service worker (the simulator's transport): the browser's own cost,
 *   before any UI. The p95 of the last, over every step, is printed as an
 *   approximate floor under the simulator's click to settled.
 * - Browser: every scenario opened once on /simulator; after a warm-up run,
 *   N runs (Reset between them, no reload) clicked through with Next by
 *   Playwright (trusted input). Per step: click (the event's timestamp) to
 *   settled step (status done or failed), and the click's Event Timing
 *   duration (PerformanceObserver 'event', durationThreshold 16: the measure
 *   behind INP; a click under the threshold is counted as 16).
 * - First start on the concept page, cold cache: "Start the simulator" click
 *   to the first step runnable, then each step of the embed's scenario; the
 *   first Cedar step's time and the longest click's Event Timing duration are
 *   reported. Twice: steps clicked at once, then after `--read` ms (default
 *   2000) of reading on the first step, in a new context.
 *
 * Prints figures only (never asserts). Ratios are medians of sums of a run's
 * steps: simulator / engine in Node (`sim/node`), simulator / engine from
 * clicks in Chromium (`sim/click`: what the service worker, React and the page
 * add to the engine's own run from the same input), and simulator / engine
 * from clicks through the worker (`sim/worker`: what React and the page add).
 *
 *   npm run build && npm run bench:sim [-- --runs 5 --dir build --only happy-path,cedar-deny --read 2000]
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  NO_CHROMIUM_MESSAGE,
  findChromium,
} from '../scripts/lib/chromium';
import { serveBuild } from '../scripts/lib/static-server';
import { listScenarios } from '../src/simulator';
import { options } from '../scripts/lib/args';
import { median, percentile, resultLine, round } from './lib';
import { engineTimes } from './engine-times';
import { chromiumEngineTimes } from './engine-page';
import {
  EVENT_TIMING_SCRIPT,
  clickStep,
  interactionDurations,
  waitRunnable,
} from './sim-page';

const args = options({
  runs: '5',
  dir: 'build',
  only: '',
  concept: 'concepts/auth-framework',
  read: '2000',
});
const RUNS = Number(args.runs);
const DIR = args.dir;
const ONLY = args.only;
const CONCEPT_PATH = args.concept;
/** How long the second first start waits on the first step, as a reader would. */
const READ_MS = Number(args.read);
if (!Number.isFinite(READ_MS) || READ_MS < 0) {
  console.error(`--read takes a number of ms (0 or more), not "${args.read}".`);
  process.exit(2);
}

const scenarioIds = listScenarios()
  .map((s) => s.id)
  .filter((id) => !ONLY || ONLY.split(',').includes(id));

/** Per step: click to settled, and the engine's share of it (ms). */
async function runThrough(
  page: Page,
  root: string,
): Promise<Map<string, { ms: number; engineMs: number }>> {
  const ids = await page
    .locator(`${root} [data-testid="sim-steps"] [data-step-id]`)
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id') ?? ''));
  const times = new Map<string, { ms: number; engineMs: number }>();
  for (const id of ids) {
    const { ms, status, engineMs } = await clickStep(page, root, id);
    times.set(id, { ms, engineMs });
    if (status === 'failed') break;
  }
  return times;
}

async function reset(page: Page, root: string): Promise<void> {
  const button = page
    .locator(root)
    .getByRole('group', { name: 'Step controls' })
    .getByRole('button', { name: 'Reset', exact: true });
  if (await button.isEnabled()) await button.click();
  await waitRunnable(page, root);
}

interface FirstStart {
  startMs: number;
  steps: Map<string, { ms: number }>;
  /** The longest Event Timing duration of the step clicks (ms). */
  longestInteractionMs: number;
}

/**
 * Cold cache, fresh context: the embed on the concept page from its Start
 * button, then every step, the first after `readMs` of reading.
 */
async function firstStart(
  browser: Browser,
  base: string,
  readMs: number,
): Promise<FirstStart> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  try {
    const page = await context.newPage();
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.addInitScript(EVENT_TIMING_SCRIPT);
    await page.goto(`${base}${CONCEPT_PATH}`);
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    const root = '[data-simulator-embed]';
    const start = page
      .locator(root)
      .getByRole('button', { name: 'Start the simulator' });
    await start.waitFor();
    // A click from the page itself: Playwright's would scroll the card into
    // view first, and the embed also starts when it scrolls into view.
    const clickAt = await page.evaluate((sel) => {
      const button = [...document.querySelectorAll(`${sel} button`)].find(
        (b) => b.textContent === 'Start the simulator',
      );
      if (!(button instanceof HTMLElement)) throw new Error('no Start button');
      const at = performance.now();
      button.click();
      return at;
    }, root);
    const runnableAt = await waitRunnable(page, `${root} [data-simulator]`);
    if (readMs > 0) await page.waitForTimeout(readMs);
    await interactionDurations(page); // drop the Start click
    const steps = await runThrough(page, `${root} [data-simulator]`);
    const durations = await interactionDurations(page, steps.size);
    return {
      startMs: runnableAt - clickAt,
      steps,
      longestInteractionMs: Math.max(...durations),
    };
  } finally {
    await context.close();
  }
}

/** The highest of a set of per-scenario ratios, as `worst_<name>` RESULT fields. */
function worstOf(
  name: string,
  ratios: ReadonlyMap<string, number>,
): Record<string, number | string> {
  const worst = [...ratios.entries()].sort((a, b) => b[1] - a[1])[0];
  return {
    [`worst_${name}`]: worst ? round(worst[1], 2) : Number.NaN,
    [`worst_${name}_scenario`]: worst?.[0] ?? 'n/a',
  };
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const engineRuns = Math.max(11, RUNS);
  console.log(
    `Engine in Node: ${engineRuns} runs of each scenario after two warm-up runs of them all, before the browser starts.`,
  );
  // Before the browser starts: Chromium keeps compiling Cedar's wasm on
  // background threads after every page load, which slowed the engine's runs
  // 3 to 5 times when they were timed between the browser's.
  const engine = await engineTimes(scenarioIds, engineRuns);
  const server = await serveBuild(DIR);
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  const figures: Record<string, number | string> = {};
  const allSteps: number[] = [];
  const allInteractions: number[] = [];
  const ratios = new Map<string, number>();
  const uiRatios = new Map<string, number>();
  const pageRatios = new Map<string, number>();
  try {
    console.log(
      `Engine in Chromium, no UI: ${engineRuns} runs of each scenario from script, then from clicks, then from clicks through the service worker.`,
    );
    const inChromium = await chromiumEngineTimes(
      browser,
      scenarioIds,
      engineRuns,
    );
    console.log(
      `After a click, a task the handler posts (setTimeout 0) runs after ${round(median(inChromium.hops))} ms (median of ${inChromium.hops.length}); from script, after ${round(median(inChromium.scriptHops))} ms.`,
    );
    figures.click_to_posted_task_ms = round(median(inChromium.hops));
    const workerP95 = percentile(inChromium.workerSteps, 95);
    console.log(
      `The engine and the service worker alone, no UI, every step from a click: click to the step shown p95 ${round(workerP95)} ms over ${inChromium.workerSteps.length} steps (an approximate floor under the simulator's click to settled).`,
    );
    figures.worker_click_p95_ms = round(workerP95);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    // tsx compiles with esbuild's keepNames, which wraps functions in a
    // `__name` helper; functions sent to the page need it defined there.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.addInitScript(EVENT_TIMING_SCRIPT);
    console.log(
      `\nSimulator: ${RUNS} runs per scenario after a warm-up (Reset between runs). Sums of a run's steps, medians in ms:`,
    );
    console.log(
      [
        '  sim: the simulator on /simulator, click to settled; node: the engine in Node;',
        '  script / click: the engine alone in Chromium, from script / from clicks;',
        '  worker: the same clicks, requests through the service worker;',
        "  sim/node: the issue's ratio; sim/click: what the service worker, React and the page add;",
        '  sim/worker: what React and the page add.',
      ].join('\n'),
    );
    console.log(
      `${'scenario'.padEnd(22)} ${['sim', 'node', 'script', 'click', 'worker', 'sim/node', 'sim/click', 'sim/worker'].map((h) => h.padStart(11)).join('')}`,
    );
    const root = '[data-simulator]';
    for (const id of scenarioIds) {
      await page.goto(`${server.url}simulator?scenario=${id}`);
      await page.locator('html[data-has-hydrated="true"]').waitFor();
      await waitRunnable(page, root);
      await runThrough(page, root); // warm-up: chunks, the worker, Cedar
      await interactionDurations(page); // drop the warm-up's clicks
      const totals: number[] = [];
      const perStep = new Map<string, { ms: number[]; engineMs: number[] }>();
      for (let i = 0; i < RUNS; i += 1) {
        await reset(page, root);
        await interactionDurations(page); // the Reset click is not a step
        const times = await runThrough(page, root);
        let total = 0;
        for (const [step, t] of times) {
          const row = perStep.get(step) ?? { ms: [], engineMs: [] };
          row.ms.push(t.ms);
          row.engineMs.push(t.engineMs);
          perStep.set(step, row);
          allSteps.push(t.ms);
          total += t.ms;
        }
        totals.push(total);
        allInteractions.push(...(await interactionDurations(page, times.size)));
      }
      const e = engine.get(id);
      if (!e) throw new Error(`no engine figures for ${id}`);
      const sim = median(totals);
      const node = median(e.totals);
      const script = median(inChromium.script.get(id) ?? []);
      const click = median(inChromium.click.get(id) ?? []);
      const worker = median(inChromium.worker.get(id) ?? []);
      ratios.set(id, sim / node);
      uiRatios.set(id, sim / click);
      pageRatios.set(id, sim / worker);
      const cells = [sim, node, script, click, worker].map((v) =>
        String(round(v)).padStart(11),
      );
      const ratioCells = [sim / node, sim / click, sim / worker].map((v) =>
        String(round(v, 2)).padStart(11),
      );
      console.log(`${id.padEnd(22)} ${[...cells, ...ratioCells].join('')}`);
      if (id === 'happy-path') {
        console.log(
          '  per step, medians: sim (p95), of which the engine in the app, node:',
        );
        for (const [step, row] of perStep) {
          const values = [
            median(row.ms),
            percentile(row.ms, 95),
            median(row.engineMs),
            median(e.perStep.get(step) ?? []),
          ].map((v) => String(round(v)).padStart(7));
          console.log(`    ${step.padEnd(38)} ${values.join(' ')}`);
        }
        Object.assign(figures, {
          happy_path_browser_ms: round(sim),
          happy_path_engine_ms: round(node),
          happy_path_chromium_script_ms: round(script),
          happy_path_chromium_click_ms: round(click),
          happy_path_chromium_worker_ms: round(worker),
          happy_path_ratio: round(sim / node, 2),
          happy_path_ui_ratio: round(sim / click, 2),
          happy_path_page_ratio: round(sim / worker, 2),
          chromium_script_ratio: round(script / node, 2),
        });
      }
    }
    await context.close();
    const cedarMs = (run: FirstStart): number | 'n/a' => {
      const step = [...run.steps.keys()].find((s) =>
        engine.get('happy-path')?.cedarSteps.has(s),
      );
      return step ? round(run.steps.get(step)?.ms ?? NaN) : 'n/a';
    };
    const stepList = (run: FirstStart) =>
      [...run.steps].map(([s, t]) => `${s} ${round(t.ms)}`).join(', ');
    const first = await firstStart(browser, server.url, 0);
    console.log(
      `\nFirst start on /${CONCEPT_PATH} (cold cache): Start click to first step runnable ${round(first.startMs)} ms; steps clicked at once: ${stepList(first)}; longest Event Timing ${round(first.longestInteractionMs)} ms`,
    );
    const read = await firstStart(browser, server.url, READ_MS);
    console.log(
      `Again, with ${READ_MS} ms of reading before the first Next (--read): runnable ${round(read.startMs)} ms; steps: ${stepList(read)}; longest Event Timing ${round(read.longestInteractionMs)} ms`,
    );
    figures.first_start_ms = round(first.startMs);
    figures.first_cedar_step_ms = cedarMs(first);
    figures.first_cedar_step_after_reading_ms = cedarMs(read);
  } finally {
    await browser.close();
    await server.close();
  }
  const reported = allInteractions.filter((d) => d > 16).length;
  console.log(
    `\nEvery Next click of every scenario (${allSteps.length} clicks): click to settled p95 ${round(percentile(allSteps, 95))} ms, max ${round(Math.max(...allSteps))}; Event Timing duration p95 ${round(percentile(allInteractions, 95))} ms (${reported} of ${allInteractions.length} over 16 ms), max ${round(Math.max(...allInteractions))}.`,
  );
  console.log(
    resultLine({
      ...figures,
      ...worstOf('ratio', ratios),
      scenarios_over_2x: [...ratios.values()].filter((r) => r > 2).length,
      ...worstOf('ui_ratio', uiRatios),
      scenarios_over_2x_ui: [...uiRatios.values()].filter((r) => r > 2).length,
      ...worstOf('page_ratio', pageRatios),
      click_to_settled_p95_ms: round(percentile(allSteps, 95)),
      event_timing_p95_ms: round(percentile(allInteractions, 95)),
      clicks: allSteps.length,
      scenarios: scenarioIds.length,
      runs: RUNS,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

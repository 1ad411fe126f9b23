/**
 * The engine's own cost in Chromium, for bench/sim.bench.ts: the engine
 * alone in a page with no UI (bench/engine-page.entry.ts, bundled here by
 * esbuild), run two ways.
 *
 * - script: every step run from script, no input, as the Node figures are;
 * - click: each step run from a trusted click on a plain button, as the
 *   simulator's Next does, up to the step's id written into the page;
 * - worker: the same clicks, with the requests through MSW's service worker
 *   (the simulator's own transport) instead of the in-page getResponse.
 *
 * The difference between the two is what Chromium adds after an input (it
 * paints a frame before it runs the next task the step posts); the
 * difference between Node and "script" is the platform (Chromium's Request,
 * Response and WebCrypto, Cedar's web build); "worker" against "click" is the
 * service worker's round trips, and the simulator against "worker" is what
 * React and the page add.
 */
import type { Browser, Page } from '@playwright/test';
import { copyFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { serveBuild } from '../scripts/lib/static-server';
import { buildBenchPage } from './bench-page';

export interface ChromiumEngineFigures {
  /** Per scenario, the total of its steps per run. */
  script: Map<string, number[]>;
  click: Map<string, number[]>;
  /** The clicks through the service worker, per scenario. */
  worker: Map<string, number[]>;
  /** Every step of every worker run: click to the step shown (ms). */
  workerSteps: number[];
  /** ms from a click to a task its handler posted (setTimeout 0). */
  hops: number[];
  /** The same from script, no input. */
  scriptHops: number[];
}

interface EnginePage {
  __engine: {
    clicks: number[];
    hops: number[];
    run(id: string): Promise<number>;
    load(id: string): void;
    finished: boolean;
    useWorker(): Promise<void>;
  };
}

const engineOf = (page: Page) => ({
  run: (id: string) =>
    page.evaluate(
      (scenario) => (window as unknown as EnginePage).__engine.run(scenario),
      id,
    ),
  load: (id: string) =>
    page.evaluate(
      (scenario) => (window as unknown as EnginePage).__engine.load(scenario),
      id,
    ),
  finished: () =>
    page.evaluate(() => (window as unknown as EnginePage).__engine.finished),
  useWorker: () =>
    page.evaluate(() => (window as unknown as EnginePage).__engine.useWorker()),
  read: (list: 'clicks' | 'hops') =>
    page.evaluate(
      (name) => (window as unknown as EnginePage).__engine[name],
      list,
    ),
  /** Clicks `#id` and waits until its list holds `count` entries. */
  async click(id: 'next' | 'hop', count: number): Promise<void> {
    const list = id === 'next' ? 'clicks' : 'hops';
    await page.click(`#${id}`);
    await page.waitForFunction(
      ([name, n]) =>
        (window as unknown as EnginePage).__engine[name].length >= n,
      [list, count] as const,
    );
  },
});

/** Loads `id` and clicks Next to its end; each step's ms, click to shown. */
async function clickThrough(
  engine: ReturnType<typeof engineOf>,
  id: string,
): Promise<number[]> {
  await engine.load(id);
  for (let n = 1; !(await engine.finished()); n += 1)
    await engine.click('next', n);
  return engine.read('clicks');
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export async function chromiumEngineTimes(
  browser: Browser,
  scenarioIds: readonly string[],
  runs: number,
): Promise<ChromiumEngineFigures> {
  const dir = await buildBenchPage({
    entry: 'engine-page.entry.ts',
    title: 'engine',
  });
  // Next to the bundle, where Cedar's `/web` build looks for it by default.
  copyFileSync(
    path.join(
      __dirname,
      '../node_modules/@cedar-policy/cedar-wasm/web/cedar_wasm_bg.wasm',
    ),
    path.join(dir, 'cedar_wasm_bg.wasm'),
  );
  const server = await serveBuild(dir);
  let context = await browser.newContext({ serviceWorkers: 'block' });
  const out: ChromiumEngineFigures = {
    script: new Map(),
    click: new Map(),
    worker: new Map(),
    workerSteps: [],
    hops: [],
    scriptHops: [],
  };
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => '__engine' in window);
    const engine = engineOf(page);
    // Warm-up: every scenario twice, as in Node.
    for (let i = 0; i < 2; i += 1)
      for (const id of scenarioIds) await engine.run(id);
    for (const id of scenarioIds) {
      const script: number[] = [];
      const click: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        script.push(await engine.run(id));
        click.push(sum(await clickThrough(engine, id)));
      }
      out.script.set(id, script);
      out.click.set(id, click);
    }
    for (let n = 1; n <= runs; n += 1) await engine.click('hop', n);
    out.hops = await engine.read('hops');
    for (let n = 1; n <= runs; n += 1) {
      out.scriptHops.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const at = performance.now();
              setTimeout(() => resolve(performance.now() - at), 0);
            }),
        ),
      );
    }
    await context.close();
    // The same clicks through the service worker, in a context that allows it.
    context = await browser.newContext();
    const workerPage = await context.newPage();
    await workerPage.goto(server.url);
    await workerPage.waitForFunction(() => '__engine' in window);
    const viaWorker = engineOf(workerPage);
    await viaWorker.useWorker();
    // Warm-up: every scenario twice, as in-page and in Node.
    for (let i = 0; i < 2; i += 1)
      for (const id of scenarioIds) await viaWorker.run(id);
    for (const id of scenarioIds) {
      const totals: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const steps = await clickThrough(viaWorker, id);
        out.workerSteps.push(...steps);
        totals.push(sum(steps));
      }
      out.worker.set(id, totals);
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/**
 * Where the time goes: profiles a build in headless Chromium and prints, per
 * step of a scenario (the happy path unless `--scenario`), wall time,
 * main-thread CPU by activity (from a CDP CPU profile), idle time (waiting on
 * the service worker, WebCrypto, wasm) and React commits with the components
 * that rendered (from React's DevTools hook). Best on a profiling build,
 * where functions keep their names and React records render durations:
 *
 *   npx docusaurus build --config bench/profile.config.ts --no-minify --out-dir build-profile
 *   npx tsx bench/profile.ts --dir build-profile [--trace /tmp/happy.json] [--transport in-page] [--scenario cimd]
 *
 * `--transport in-page` blocks service workers, so the simulator falls back
 * to MSW's in-page getResponse: the difference is the worker's cost. Also
 * profiles the load of the concept page against the plain page.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  NO_CHROMIUM_MESSAGE,
  findChromium,
} from '../scripts/lib/chromium';
import { serveBuild } from '../scripts/lib/static-server';
import { options } from '../scripts/lib/args';
import { listScenarios } from '../src/simulator';
import { round } from './lib';
import { REACT_HOOK_SCRIPT, type CommitLog } from './react-hook';
import { summariseProfile, type CpuProfile } from './cpu-profile';
import { summariseTrace } from './trace';

const args = options({
  dir: 'build',
  trace: '',
  transport: 'service-worker',
  scenario: 'happy-path',
});
const DIR = args.dir;
const TRACE = args.trace;
const TRANSPORT = args.transport;
const SCENARIO = args.scenario;
const SCENARIO_IDS: readonly string[] = listScenarios().map((s) => s.id);
if (!SCENARIO_IDS.includes(SCENARIO)) {
  console.error(
    `--scenario: no scenario "${SCENARIO}"; one of: ${SCENARIO_IDS.join(', ')}`,
  );
  process.exit(2);
}

async function profiled<T>(
  cdp: CDPSession,
  work: () => Promise<T>,
): Promise<{ result: T; profile: CpuProfile }> {
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: CpuProfile;
  };
  return { result, profile };
}

function printProfile(label: string, wallMs: number, profile: CpuProfile) {
  const s = summariseProfile(profile);
  const parts = s.buckets
    .filter(([, ms]) => ms >= 0.5)
    .map(([name, ms]) => `${name} ${round(ms)}`)
    .join(', ');
  console.log(
    `${label.padEnd(36)} wall ${String(round(wallMs)).padStart(6)}  busy ${String(round(s.busyMs)).padStart(6)}  idle ${String(round(s.idleMs)).padStart(6)}`,
  );
  console.log(`    ${parts}`);
  console.log(
    `    top self: ${s.topSelf.map(([n, ms]) => `${n} ${round(ms)}`).join(', ')}`,
  );
}

async function commits(page: Page): Promise<CommitLog[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __commits: CommitLog[] };
    const out = w.__commits;
    w.__commits = [];
    return out;
  });
}

function printCommits(log: CommitLog[]) {
  if (log.length === 0) return;
  const byName = new Map<string, { renders: number; selfMs: number }>();
  let total = 0;
  for (const c of log) {
    total += c.durationMs;
    for (const r of c.rendered) {
      const e = byName.get(r.name) ?? { renders: 0, selfMs: 0 };
      e.renders += 1;
      e.selfMs += r.selfMs;
      byName.set(r.name, e);
    }
  }
  const top = [...byName.entries()]
    .sort((a, b) => b[1].selfMs - a[1].selfMs)
    .slice(0, 12)
    .map(([n, e]) => `${n}×${e.renders} ${round(e.selfMs)}`);
  // The count of component renders needs no profiling build (durations do).
  const renders = log.reduce((n, c) => n + c.rendered.length, 0);
  console.log(
    `    react: ${log.length} commits, ${renders} component renders, render ${round(total)} ms; ${top.join(', ')}`,
  );
}

/**
 * Clicks Next from inside the page (no Playwright actionability work in the
 * profile) and resolves with the ms until the step settles; marks the step
 * in the trace and counts the simulated fetches it made.
 */
async function clickNext(
  page: Page,
  stepId: string,
): Promise<{ ms: number; fetches: number[] }> {
  return page.evaluate(async (id) => {
    const item = document.querySelector(
      `[data-testid="sim-steps"] [data-step-id="${id}"]`,
    );
    const next = [...document.querySelectorAll('button')].find(
      (b) => b.textContent === 'Next',
    );
    if (!item || !next) throw new Error(`no step ${id} or no Next`);
    const w = window as unknown as { __fetches: number[] };
    w.__fetches = [];
    performance.mark(`step:${id}:start`);
    const started = performance.now();
    const ms = await new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (
          /^(done|failed)$/.test(item.getAttribute('data-step-status') ?? '')
        ) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(item, { attributes: true });
      next.click();
    });
    performance.mark(`step:${id}:end`);
    return { ms, fetches: w.__fetches };
  }, stepId);
}

/** Times every simulated request (the *.example.com hosts) in the page. */
const FETCH_TIMER_SCRIPT = `(() => {
  window.__fetches = [];
  const original = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    const t0 = performance.now();
    try { return await original(input, init); }
    finally { if (/example\\.com/.test(url)) window.__fetches.push(performance.now() - t0); }
  };
})();`;

async function scenarioSteps(page: Page, cdp: CDPSession, base: string) {
  const open = async () => {
    await page.goto(`${base}simulator?scenario=${SCENARIO}`);
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    await page.getByRole('button', { name: 'Next', exact: true }).waitFor();
    await page.waitForFunction(
      () =>
        !document
          .querySelector('[data-testid="sim-steps"] [data-step-id]')
          ?.closest('[aria-busy="true"]'),
    );
  };
  const ids = async () =>
    page
      .getByTestId('sim-steps')
      .locator('[data-step-id]')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-step-id') ?? ''),
      );
  // Warm-up: chunks, the worker and Cedar are loaded and compiled once.
  await open();
  for (const id of await ids()) await clickNext(page, id);
  await open();
  const steps: string[] = [];
  await commits(page);
  console.log(`\n${SCENARIO} on /simulator (${TRANSPORT}), warm; ms per step:`);
  if (TRACE)
    await page
      .context()
      .browser()
      ?.startTracing(page, {
        path: TRACE,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'blink.user_timing',
          'v8.execute',
          'ServiceWorker',
        ],
      });
  for (const id of await ids()) {
    const { result, profile } = await profiled(cdp, () => clickNext(page, id));
    steps.push(id);
    printProfile(id, result.ms, profile);
    const f = result.fetches;
    if (f.length > 0)
      console.log(
        `    ${f.length} simulated fetches, ${round(f.reduce((a, b) => a + b, 0))} ms in fetch (max ${round(Math.max(...f))})`,
      );
    printCommits(await commits(page));
  }
  if (TRACE) {
    await page.context().browser()?.stopTracing();
    console.log(
      `Chromium trace written to ${TRACE}; main-thread work per step:`,
    );
    summariseTrace(TRACE, steps);
  }
}

async function pageLoad(page: Page, cdp: CDPSession, base: string) {
  console.log('\nPage load (cold cache, no throttling), main thread ms:');
  for (const path of ['glossary', 'concepts/auth-framework']) {
    await cdp.send('Network.clearBrowserCache');
    let bytes = 0;
    const onResponse = async (r: import('@playwright/test').Response) => {
      if (r.request().resourceType() === 'script')
        bytes += (await r.body().catch(() => Buffer.alloc(0))).length;
    };
    page.on('response', onResponse);
    const started = Date.now();
    const { profile } = await profiled(cdp, async () => {
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
      await page.locator('html[data-has-hydrated="true"]').waitFor();
      await page.waitForTimeout(300);
    });
    page.off('response', onResponse);
    printProfile(
      `${path} (JS ${round(bytes / 1024)} KiB)`,
      Date.now() - started,
      profile,
    );
    printCommits(await commits(page));
  }
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const server = await serveBuild(DIR);
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: TRANSPORT === 'in-page' ? 'block' : 'allow',
  });
  const page = await context.newPage();
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.addInitScript(REACT_HOOK_SCRIPT);
  await page.addInitScript(FETCH_TIMER_SCRIPT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  try {
    await pageLoad(page, cdp, server.url);
    await scenarioSteps(page, cdp, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

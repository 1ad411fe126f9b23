/**
 * Lighthouse 12 on the concept page and on two prose-only doc pages of the
 * same build (a short one, the yardstick, and a longer one), with the
 * desktop and mobile presets, median of N runs (default 3). Prints scores,
 * LCP, TBT, CLS and JS bytes side by side, and the concept / plain ratios of
 * score and TBT per preset (figures only, no assertions).
 * Then, with no throttling and no Lighthouse model, what loading each page
 * costs the main thread (bench/page-load.ts): components rendered, script and
 * browser time, and their concept / plain ratios.
 *
 *   npm run build && npm run bench:page [-- --runs 3 --dir build --compress false]
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { chromium } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  findChromium,
  NO_CHROMIUM_MESSAGE,
} from '../scripts/lib/chromium';
import { serveBuild } from '../scripts/lib/static-server';
import { options } from '../scripts/lib/args';
import { median, resultLine, round } from './lib';
import { loadCost, type LoadCost } from './page-load';

const args = options({ runs: '3', dir: 'build', compress: 'true' });
const RUNS = Number(args.runs);
const DIR = args.dir;
// Real hosts gzip HTML, JS and CSS; `--compress false` serves raw bytes.
const COMPRESS = args.compress !== 'false';
// `plain` is the yardstick: a short prose page. `prose` is a plain
// page closer to the concept page's length (the backend page: about half its
// markup, no simulator, no diagram), so the figures can tell what the concept
// page costs for being long from what it costs for what it runs.
const PAGES = {
  concept: 'concepts/auth-framework',
  plain: 'glossary',
  prose: 'concepts/backend-auth',
} as const;
const PRESETS = ['desktop', 'mobile'] as const;

interface Figures {
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  jsKb: number;
}

function numeric(
  lhr: { audits: Record<string, { numericValue?: number }> },
  id: string,
): number {
  return lhr.audits[id]?.numericValue ?? Number.NaN;
}

const run = promisify(execFile);
const require = createRequire(__filename);
// Lighthouse runs as its own plain-Node process: functions it sends into the
// page must not pass through this script's TypeScript loader.
const LIGHTHOUSE_CLI = require.resolve('lighthouse/cli/index.js');
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
].join(' ');

async function once(
  url: string,
  preset: (typeof PRESETS)[number],
  chromePath: string,
): Promise<Figures> {
  const args = [
    LIGHTHOUSE_CLI,
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--only-categories=performance',
    `--chrome-flags=${CHROME_FLAGS}`,
  ];
  if (preset === 'desktop') args.push('--preset=desktop');
  const { stdout } = await run(process.execPath, args, {
    env: { ...process.env, CHROME_PATH: chromePath },
    maxBuffer: 64 * 1024 * 1024,
  });
  const lhr = JSON.parse(stdout) as {
    categories: { performance: { score: number | null } };
    audits: Record<
      string,
      {
        numericValue?: number;
        details?: {
          items?: { resourceType?: string; transferSize?: number }[];
        };
      }
    >;
  };
  const items = lhr.audits['resource-summary']?.details?.items ?? [];
  const script = items.find((item) => item.resourceType === 'script');
  return {
    score: (lhr.categories.performance.score ?? 0) * 100,
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    jsKb: (script?.transferSize ?? Number.NaN) / 1024,
  };
}

async function main(): Promise<void> {
  const chromePath = findChromium();
  if (!chromePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const server = await serveBuild(DIR, { compress: COMPRESS });
  const summary: Record<string, number> = {};
  try {
    console.log(
      `Lighthouse ${RUNS} run(s) per page and preset, median shown; build: ${DIR}; ${COMPRESS ? 'gzip' : 'uncompressed'}`,
    );
    console.log(
      'preset   page     score   LCP ms   TBT ms    CLS    JS KiB   TBT min-max (the spread of single runs)',
    );
    for (const preset of PRESETS) {
      // Pages alternate run by run, so a change in the machine's load falls
      // on both pages alike rather than on whichever ran second.
      const runs = new Map<string, Figures[]>();
      for (let i = 0; i < RUNS; i += 1)
        for (const [name, path] of Object.entries(PAGES))
          runs.set(name, [
            ...(runs.get(name) ?? []),
            await once(`${server.url}${path}`, preset, chromePath),
          ]);
      for (const name of Object.keys(PAGES)) {
        const figures = runs.get(name) ?? [];
        const m = (key: keyof Figures) => median(figures.map((r) => r[key]));
        const tbts = figures.map((r) => r.tbtMs);
        console.log(
          `${preset.padEnd(8)} ${name.padEnd(8)} ${String(round(m('score'), 0)).padStart(5)} ${String(round(m('lcpMs'), 0)).padStart(8)} ${String(round(m('tbtMs'), 0)).padStart(8)} ${String(round(m('cls'), 3)).padStart(6)} ${String(round(m('jsKb'), 1)).padStart(9)}   ${round(Math.min(...tbts), 0)}-${round(Math.max(...tbts), 0)}`,
        );
        summary[`${preset}_${name}_score`] = round(m('score'), 0);
        summary[`${preset}_${name}_lcp_ms`] = round(m('lcpMs'), 0);
        summary[`${preset}_${name}_tbt_ms`] = round(m('tbtMs'), 0);
        summary[`${preset}_${name}_cls`] = round(m('cls'), 3);
        summary[`${preset}_${name}_js_kb`] = round(m('jsKb'), 1);
      }
      // The two pages of one run share the machine's load at that moment, so
      // the run-by-run ratios show how far one run's verdict can be trusted.
      const plain = runs.get('plain') ?? [];
      const paired = (runs.get('concept') ?? [])
        .map((concept, i) => concept.tbtMs / (plain[i]?.tbtMs ?? Number.NaN))
        .filter(Number.isFinite);
      if (paired.length > 0) {
        console.log(
          `${preset.padEnd(8)} TBT concept / plain, run by run: ${paired.map((r) => round(r, 2)).join(', ')}`,
        );
        summary[`${preset}_tbt_ratio_runs_min`] = round(Math.min(...paired), 2);
        summary[`${preset}_tbt_ratio_runs_max`] = round(Math.max(...paired), 2);
      }
    }
    await measureLoad(server.url, chromePath, summary);
  } finally {
    await server.close();
  }
  // Concept page against the plain page of the same build, same run. A TBT of
  // 0 ms on the plain page (no task over 50 ms, usual on desktop) has no
  // ratio: the line says so, with both figures.
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || !(b > 0)
      ? `n/a(${a ?? '?'}/${b ?? '?'})`
      : round(a / b, 2);
  const ratios: Record<string, number | string> = {};
  // Keys against `plain` have no suffix (the targets); against `prose`, `_prose`.
  for (const other of ['plain', 'prose'] as const) {
    const suffix = other === 'plain' ? '' : `_${other}`;
    for (const preset of PRESETS) {
      ratios[`${preset}_score_ratio${suffix}`] = ratio(
        summary[`${preset}_concept_score`],
        summary[`${preset}_${other}_score`],
      );
      ratios[`${preset}_tbt_ratio${suffix}`] = ratio(
        summary[`${preset}_concept_tbt_ms`],
        summary[`${preset}_${other}_tbt_ms`],
      );
    }
    for (const key of ['components', 'script_ms', 'browser_ms'])
      ratios[`load_${key.replace('_ms', '')}_ratio${suffix}`] = ratio(
        summary[`load_concept_${key}`],
        summary[`load_${other}_${key}`],
      );
  }
  console.log(
    `Concept / plain: mobile score ${ratios.mobile_score_ratio} (target >= 0.95), TBT ${ratios.mobile_tbt_ratio} (target <= 1.2); desktop score ${ratios.desktop_score_ratio} (target >= 0.98), TBT ${ratios.desktop_tbt_ratio}.`,
  );
  console.log(
    `Concept / plain, on load with no throttling: components ${ratios.load_components_ratio}, script ${ratios.load_script_ratio}, browser work ${ratios.load_browser_ratio}.`,
  );
  for (const key of ['components', 'script_ms'])
    ratios[`load_dark_${key.replace('_ms', '')}_ratio`] = ratio(
      summary[`load_dark_${key}`],
      summary[`load_concept_${key}`],
    );
  console.log(
    `Concept in dark / light mode, on load: components ${ratios.load_dark_components_ratio}, script ${ratios.load_dark_script_ratio}.`,
  );
  console.log(
    `Concept / prose (a longer plain page, not a target): mobile score ${ratios.mobile_score_ratio_prose}, TBT ${ratios.mobile_tbt_ratio_prose}; desktop score ${ratios.desktop_score_ratio_prose}; on load: script ${ratios.load_script_ratio_prose}, browser work ${ratios.load_browser_ratio_prose}.`,
  );
  console.log(resultLine({ ...ratios, ...summary }));
}

/** Each page's load cost, pages alternating, medians into `summary`. */
async function measureLoad(
  baseUrl: string,
  chromePath: string,
  summary: Record<string, number>,
): Promise<void> {
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: CHROMIUM_ARGS,
  });
  try {
    // Lighthouse loads pages in light mode, the build's default. The concept
    // page is also loaded in dark mode, which a reader whose system is dark
    // gets: its code blocks must not cost more there (src/utils/prism-dark.ts).
    const loads: [string, string, { colorScheme?: 'dark' }][] = [
      ...Object.entries(PAGES).map(([name, path]): [string, string, object] => [
        name,
        path,
        {},
      ]),
      ['dark', PAGES.concept, { colorScheme: 'dark' }],
    ];
    const costs = new Map<string, LoadCost[]>();
    for (let i = 0; i < RUNS; i += 1)
      for (const [name, path, options] of loads)
        costs.set(name, [
          ...(costs.get(name) ?? []),
          await loadCost(browser, `${baseUrl}${path}`, options),
        ]);
    console.log(
      `\nOn load, no throttling, ${RUNS} run(s), median: components rendered, main-thread ms ("dark": the concept page in dark mode)`,
    );
    console.log('page     components   script ms   browser ms');
    for (const [name] of loads) {
      const runs = costs.get(name) ?? [];
      const m = (key: keyof LoadCost) => median(runs.map((r) => r[key]));
      console.log(
        `${name.padEnd(8)} ${String(m('components')).padStart(10)} ${String(round(m('scriptMs'), 0)).padStart(11)} ${String(round(m('browserMs'), 0)).padStart(12)}`,
      );
      summary[`load_${name}_components`] = m('components');
      summary[`load_${name}_script_ms`] = round(m('scriptMs'), 0);
      summary[`load_${name}_browser_ms`] = round(m('browserMs'), 0);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

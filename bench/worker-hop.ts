/**
 * What one request through a service worker costs in headless Chromium, the
 * floor under every simulator step: each step sends one request or more, and
 * the simulator sends them through MSW's service worker.
 *
 * One request of about 300 bytes (GET, and POST with that body), sent again
 * and again, answered four ways (bench/worker-hop.entry.ts): through MSW's
 * worker (`msw`, the simulator's transport, with the site's
 * static/mockServiceWorker.js), by MSW's getResponse in the page (`in-page`,
 * the fallback), by a bare worker that relays to the page and back (`relay`,
 * MSW's path without MSW) and by that worker itself (`direct`). The two
 * workers run in separate browser contexts; rounds alternate between the
 * modes so a busy moment of the machine does not land on one of them.
 *
 * Prints medians and p95 per mode and method, the ratio msw/relay (what MSW
 * adds to the platform's relay) and the difference msw - in-page in ms (what
 * the worker adds to MSW's own handling). Figures only, never asserts.
 *
 *   npm run bench:worker-hop [-- --rounds 6 --per-round 40]
 */
import { chromium, type Page } from '@playwright/test';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CHROMIUM_ARGS,
  NO_CHROMIUM_MESSAGE,
  findChromium,
} from '../scripts/lib/chromium';
import { options } from '../scripts/lib/args';
import { serveBuild } from '../scripts/lib/static-server';
import { buildBenchPage } from './bench-page';
import { median, percentile, resultLine, round } from './lib';

const args = options({ rounds: '6', 'per-round': '40' });
const ROUNDS = Number(args.rounds);
const PER_ROUND = Number(args['per-round']);
for (const [name, value] of [
  ['rounds', ROUNDS],
  ['per-round', PER_ROUND],
] as const) {
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} takes a whole number of 1 or more.`);
    process.exit(2);
  }
}

/** A JSON-RPC result of about 300 bytes, as the simulator sends. */
const BODY = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  result: {
    protocolVersion: '2025-11-25',
    capabilities: { tools: { listChanged: false } },
    serverInfo: { name: 'bench', version: '1.0.0' },
    instructions: 'x'.repeat(120),
  },
});

/** The bare worker: answers /hop/direct itself, relays /hop/relay to the page. */
const BARE_WORKER = `
addEventListener('install', () => self.skipWaiting());
addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
const BODY = ${JSON.stringify(BODY)};
addEventListener('fetch', (event) => {
  const { pathname } = new URL(event.request.url);
  if (pathname === '/hop/direct') {
    event.respondWith(event.request.arrayBuffer().then(() =>
      new Response(BODY, { headers: { 'content-type': 'application/json' } })));
  } else if (pathname === '/hop/relay') {
    event.respondWith((async () => {
      const client = await self.clients.get(event.clientId);
      const body = await event.request.arrayBuffer();
      const reply = await new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (message) => resolve(message.data);
        client.postMessage({ kind: 'hop', url: event.request.url, body }, [channel.port2, body]);
      });
      return new Response(reply.body, { status: reply.status, headers: reply.headers });
    })());
  }
});
`;

type Mode = 'msw' | 'in-page' | 'relay' | 'direct';
type Method = 'GET' | 'POST';
const MODES: readonly Mode[] = ['msw', 'in-page', 'relay', 'direct'];
const METHODS: readonly Method[] = ['GET', 'POST'];

interface HopPage {
  __hop: {
    start(kind: 'msw' | 'bare'): Promise<void>;
    time(mode: Mode, method: Method, n: number): Promise<number[]>;
  };
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const dir = await buildBenchPage({
    entry: 'worker-hop.entry.ts',
    title: 'worker hop',
    define: { __HOP_BODY__: JSON.stringify(BODY) },
  });
  writeFileSync(path.join(dir, 'bare-worker.js'), BARE_WORKER);
  const server = await serveBuild(dir);
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  const times = new Map<string, number[]>();
  try {
    const open = async (kind: 'msw' | 'bare'): Promise<Page> => {
      const page = await (await browser.newContext()).newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => '__hop' in window);
      await page.evaluate(
        (k) => (window as unknown as HopPage).__hop.start(k),
        kind,
      );
      return page;
    };
    const mswPage = await open('msw');
    const barePage = await open('bare');
    const pageFor = (mode: Mode): Page =>
      mode === 'msw' || mode === 'in-page' ? mswPage : barePage;
    const run = (mode: Mode, method: Method, n: number) =>
      pageFor(mode).evaluate(
        ([m, verb, count]) =>
          (window as unknown as HopPage).__hop.time(m, verb, count),
        [mode, method, n] as const,
      );
    // Warm-up: every mode and method, untimed.
    for (const mode of MODES)
      for (const method of METHODS) await run(mode, method, 20);
    for (let r = 0; r < ROUNDS; r += 1)
      for (const method of METHODS)
        for (const mode of MODES) {
          const key = `${mode} ${method}`;
          times.set(key, [
            ...(times.get(key) ?? []),
            ...(await run(mode, method, PER_ROUND)),
          ]);
        }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `One request of ${BODY.length} bytes, ${ROUNDS} rounds of ${PER_ROUND} per mode and method, rounds alternating; ms, median (p95):`,
  );
  const med = (mode: Mode, method: Method) =>
    median(times.get(`${mode} ${method}`) ?? []);
  for (const mode of MODES) {
    const cells = METHODS.map((method) => {
      const values = times.get(`${mode} ${method}`) ?? [];
      const cell = `${method} ${round(median(values))} (${round(percentile(values, 95))})`;
      return cell.padEnd(20);
    });
    console.log(`  ${mode.padEnd(8)} ${cells.join('').trimEnd()}`);
  }
  const figures: Record<string, number> = {};
  for (const method of METHODS) {
    const m = method.toLowerCase();
    for (const mode of MODES)
      figures[`${mode.replace('-', '_')}_${m}_ms`] = round(med(mode, method));
    figures[`msw_over_relay_${m}`] = round(
      med('msw', method) / med('relay', method),
      2,
    );
    // A difference, not a ratio: the in-page median is a few tenths of a ms,
    // near the page's timer step, so a ratio over it would be mostly noise.
    figures[`worker_adds_${m}_ms`] = round(
      med('msw', method) - med('in-page', method),
    );
  }
  console.log(resultLine(figures));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

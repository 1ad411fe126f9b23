/**
 * Browser side of bench/worker-hop.ts: times one request, sent over and over,
 * answered four ways. Bundled by esbuild at bench time; never part of the
 * site.
 *
 * - `msw`: MSW's setupWorker with one handler (the simulator's transport).
 * - `in-page`: MSW's getResponse with the same handler, no service worker
 *   (the simulator's fallback).
 * - `relay`: a service worker of a few lines that posts each request to the
 *   page and answers with the page's reply (what MSW does, without MSW).
 * - `direct`: the same worker answering by itself (the platform's floor for a
 *   fetch a service worker intercepts).
 *
 * The page starts one of the two workers (`__hop.start('msw' | 'bare')`);
 * `__hop.time(mode, method, n)` returns the ms of each of n requests.
 */
import { getResponse, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';

/** The body of every request and answer, from bench/worker-hop.ts. */
declare const __HOP_BODY__: string;
const BODY = __HOP_BODY__;
const JSON_HEADERS = { 'content-type': 'application/json' };

const answer = async (request: Request): Promise<Response> => {
  await request.arrayBuffer();
  return new HttpResponse(BODY, { headers: JSON_HEADERS });
};
const handlers = [
  http.all(/\/hop\/(msw|in-page)$/, ({ request }) => answer(request)),
];

type Mode = 'msw' | 'in-page' | 'relay' | 'direct';

const send = (mode: Mode, method: 'GET' | 'POST'): Request =>
  new Request(new URL(`/hop/${mode}`, location.href), {
    method,
    headers: JSON_HEADERS,
    ...(method === 'POST' ? { body: BODY } : {}),
  });

async function once(mode: Mode, method: 'GET' | 'POST'): Promise<void> {
  const request = send(mode, method);
  const response =
    mode === 'in-page'
      ? await getResponse(handlers, request)
      : await fetch(request);
  if (!response || response.status !== 200)
    throw new Error(`${mode} ${method}: no answer`);
  if ((await response.text()) !== BODY)
    throw new Error(`${mode} ${method}: wrong body`);
}

// The bare worker's relay: the page answers what the worker posts to it.
navigator.serviceWorker?.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (!port || (event.data as { kind?: string })?.kind !== 'hop') return;
  const bytes = new TextEncoder().encode(BODY).buffer;
  port.postMessage({ status: 200, headers: JSON_HEADERS, body: bytes }, [
    bytes,
  ]);
});

async function startBare(): Promise<void> {
  await navigator.serviceWorker.register('/bare-worker.js');
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller)
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, {
        once: true,
      }),
    );
}

Object.assign(window, {
  __hop: {
    async start(kind: 'msw' | 'bare'): Promise<void> {
      if (kind === 'msw')
        await setupWorker(...handlers).start({
          quiet: true,
          onUnhandledRequest: 'bypass',
        });
      else await startBare();
    },
    async time(
      mode: Mode,
      method: 'GET' | 'POST',
      n: number,
    ): Promise<number[]> {
      const out: number[] = [];
      for (let i = 0; i < n; i += 1) {
        const started = performance.now();
        await once(mode, method);
        out.push(performance.now() - started);
      }
      return out;
    },
  },
});

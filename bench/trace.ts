/**
 * Reads a Chromium trace written by bench/profile.ts and prints, per step
 * (between the page's `step:<id>:start` and `:end` marks), the main thread's
 * top-level work by kind: script, style, layout, paint, and the service
 * worker's fetch events.
 */
import { readFileSync } from 'node:fs';
import { round } from './lib';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat: string;
  args?: { name?: string };
}

const KINDS: Record<string, string> = {
  FunctionCall: 'script',
  EventDispatch: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  RunMicrotasks: 'script',
  'v8.run': 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  CompositeLayers: 'paint',
  HitTest: 'layout',
  ParseHTML: 'parse',
};

export function summariseTrace(path: string, steps: string[]): void {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as
    TraceEvent[] | { traceEvents: TraceEvent[] };
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const threadName = new Map<string, string>();
  for (const e of events)
    if (e.name === 'thread_name')
      threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const marks = new Map<string, number>();
  let mainKey = '';
  for (const e of events) {
    if (e.cat.includes('blink.user_timing') && e.name.startsWith('step:')) {
      marks.set(e.name, e.ts);
      mainKey = `${e.pid}:${e.tid}`;
    }
  }
  for (const id of steps) {
    const start = marks.get(`step:${id}:start`);
    const end = marks.get(`step:${id}:end`);
    if (start === undefined || end === undefined) continue;
    const totals = new Map<string, number>();
    let swFetches = 0;
    let swMs = 0;
    // Only top-level kinds: a FunctionCall inside another is not double counted.
    const open: { end: number; key: string }[] = [];
    const within = events
      .filter((e) => e.ph === 'X' && e.ts >= start && e.ts <= end)
      .sort((a, b) => a.ts - b.ts);
    for (const e of within) {
      const key = `${e.pid}:${e.tid}`;
      const thread = threadName.get(key) ?? '';
      if (
        thread.includes('ServiceWorker') &&
        /FetchEvent|ServiceWorkerGlobalScope::DispatchFetchEvent/.test(e.name)
      ) {
        swFetches += 1;
        swMs += (e.dur ?? 0) / 1000;
      }
      if (key !== mainKey) continue;
      const kind = KINDS[e.name];
      if (!kind) continue;
      while (open.length && (open[open.length - 1]?.end ?? 0) <= e.ts)
        open.pop();
      if (open.length === 0)
        totals.set(kind, (totals.get(kind) ?? 0) + (e.dur ?? 0) / 1000);
      open.push({ end: e.ts + (e.dur ?? 0), key: kind });
    }
    const parts = [...totals.entries()]
      .map(([k, v]) => `${k} ${round(v)}`)
      .join(', ');
    console.log(
      `  ${id.padEnd(36)} ${round((end - start) / 1000)} ms: ${parts}${swFetches ? `; worker fetch events ${swFetches} (${round(swMs)} ms)` : ''}`,
    );
  }
}

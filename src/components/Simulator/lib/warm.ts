/**
 * Warms Cedar once the reader has started the simulator, in two parts at two
 * idle moments: first load it and parse the default policy, then make one
 * throwaway decision (which compiles the evaluator, the larger part: about
 * 240 ms in Chromium, as one task). The decision waits for a truly idle main
 * thread (no deadline), so it seldom lands on a click; a click that does come
 * while it runs waits for it, as it would have waited on the first Cedar step.
 */
import { whenIdle, type Cancel } from './idle';

/** Runs `task` at an idle moment; returns a function that cancels it. */
export type WhenIdle = (task: () => void) => Cancel;

export interface WarmParts {
  /** Loads Cedar and parses the default policy. */
  parse: () => Promise<unknown>;
  /** Makes one throwaway decision. */
  decide: () => Promise<unknown>;
}

/** Starts warming; the returned function cancels what has not started. */
export function warmInIdle(
  parts: WarmParts,
  idle: { parse: WhenIdle; decide: WhenIdle },
): Cancel {
  let cancelled = false;
  let cancel = idle.parse(() => {
    parts
      .parse()
      .then(() => {
        if (cancelled) return;
        cancel = idle.decide(() => {
          parts.decide().catch(() => undefined);
        });
      })
      .catch(() => undefined);
  });
  return () => {
    cancelled = true;
    cancel();
  };
}

/**
 * The browser's idle moments: the load starts within a second even on a busy
 * page (the download is what must not wait); the decision only when idle.
 */
export const browserIdle = {
  parse: (task: () => void) =>
    whenIdle(task, { timeoutMs: 1000, fallbackMs: 0 }),
  decide: (task: () => void) => whenIdle(task, { fallbackMs: 0 }),
};

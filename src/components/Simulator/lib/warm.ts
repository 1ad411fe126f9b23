/**
 * Warms Cedar while the reader reads, one idle moment per part: first load it
 * and parse the default policy, then, at a later idle moment, make one
 * throwaway decision (which compiles the evaluator, the larger part). Each
 * part is one main-thread task; neither runs while the reader is busy.
 */

/** Runs `task` when the browser is idle; returns a function that cancels it. */
export type WhenIdle = (task: () => void) => () => void;

export interface WarmParts {
  /** Loads Cedar and parses the default policy. */
  parse: () => Promise<unknown>;
  /** Makes one throwaway decision. */
  decide: () => Promise<unknown>;
}

/** Starts warming; the returned function cancels what has not started. */
export function warmInIdle(parts: WarmParts, whenIdle: WhenIdle): () => void {
  let cancelled = false;
  let cancel = whenIdle(() => {
    parts
      .parse()
      .then(() => {
        if (cancelled) return;
        cancel = whenIdle(() => {
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

/** `requestIdleCallback` (at most 1 s late), or a 0 ms timer without it. */
export const browserIdle: WhenIdle = (task) => {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 0);
  return () => clearTimeout(timer);
};

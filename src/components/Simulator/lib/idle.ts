/** Cancels a task scheduled with `whenIdle`. */
export type Cancel = () => void;

/**
 * Runs `task` when the main thread is idle: with `requestIdleCallback`, at
 * the latest after `timeoutMs` when given (without it, only when idle); in
 * browsers without it, after a `fallbackMs` timer.
 */
export function whenIdle(
  task: () => void,
  options: { timeoutMs?: number; fallbackMs: number },
): Cancel {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(
      task,
      options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs },
    );
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, options.fallbackMs);
  return () => window.clearTimeout(id);
}

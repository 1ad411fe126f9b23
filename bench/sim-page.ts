/**
 * In-page helpers for bench/sim.bench.ts: Playwright clicks (trusted input,
 * so the browser reports Event Timing for them) timed in the page from the
 * click event's timestamp to the moment the step's status settles.
 */
import type { Page } from '@playwright/test';

/** Collects Event Timing entries of interactions with a Next button. */
export const EVENT_TIMING_SCRIPT = `(() => {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      // Only the Next button's interactions (not Reset or Start).
      if (e.interactionId && e.target && e.target.textContent === 'Next')
        window.__events.push({ id: e.interactionId, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
})();`;

const nextButton = (page: Page, root: string) =>
  page
    .locator(root)
    .getByRole('group', { name: 'Step controls' })
    .getByRole('button', { name: 'Next', exact: true });

/**
 * Resolves (with performance.now()) once the simulator under `root` is idle
 * and its Next button can be pressed, or the scenario has finished.
 */
export async function waitRunnable(page: Page, root: string): Promise<number> {
  return page.evaluate(
    (sel) =>
      new Promise<number>((resolve) => {
        const ready = () => {
          const el = document.querySelector(sel);
          if (!el || el.getAttribute('data-busy') !== 'false') return false;
          if (!el.querySelector('[data-step-id]')) return false;
          if (el.getAttribute('data-finished') === 'true') return true;
          const next = [...el.querySelectorAll('button')].find(
            (b) => b.textContent === 'Next',
          );
          return !!next && next.getAttribute('aria-disabled') !== 'true';
        };
        if (ready()) {
          resolve(performance.now());
          return;
        }
        const observer = new MutationObserver(() => {
          if (ready()) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
        });
      }),
    root,
  );
}

/** A settled step: click to settled, its status, the engine's share (ms). */
type Settled = { ms: number; status: string; engineMs: number };

/**
 * Clicks Next for step `id`; ms from the click event to the settled status,
 * and the engine's share of it (the app's `simulator:engine-step` measure:
 * the step's requests through the transport, without the render).
 */
export async function clickStep(
  page: Page,
  root: string,
  id: string,
): Promise<Settled> {
  await page.evaluate(
    ([sel, stepId]) => {
      const item = document.querySelector(
        `${sel} [data-testid="sim-steps"] [data-step-id="${stepId}"]`,
      );
      if (!item) throw new Error(`no step ${stepId}`);
      const w = window as unknown as {
        __settled: Promise<Settled>;
      };
      let clickAt = Number.NaN;
      document.addEventListener(
        'click',
        (e) => {
          clickAt = e.timeStamp;
        },
        { capture: true, once: true },
      );
      w.__settled = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          const status = item.getAttribute('data-step-status') ?? '';
          if (/^(done|failed)$/.test(status)) {
            observer.disconnect();
            const measures = performance.getEntriesByName(
              'simulator:engine-step',
            );
            performance.clearMeasures('simulator:engine-step');
            resolve({
              ms: performance.now() - clickAt,
              status,
              engineMs: measures[measures.length - 1]?.duration ?? Number.NaN,
            });
          }
        });
        observer.observe(item, {
          attributes: true,
          attributeFilter: ['data-step-status'],
        });
      });
    },
    [root, id] as const,
  );
  await nextButton(page, root).click();
  const result = await page.evaluate(
    () =>
      (
        window as unknown as {
          __settled: Promise<Settled>;
        }
      ).__settled,
  );
  await waitRunnable(page, root);
  return result;
}

/**
 * The Event Timing durations of the interactions since the last call (the
 * longest entry of each interaction, as INP counts it), after two frames so
 * pending entries are delivered. With `expected`, interactions the browser
 * did not report (under the 16 ms threshold) are counted as 16.
 */
export async function interactionDurations(
  page: Page,
  expected = 0,
): Promise<number[]> {
  const entries = await page.evaluate(
    () =>
      new Promise<{ id: number; duration: number }[]>((resolve) => {
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              const w = window as unknown as {
                __events: { id: number; duration: number }[];
              };
              const out = w.__events;
              w.__events = [];
              resolve(out);
            }, 0),
          ),
        );
      }),
  );
  const byInteraction = new Map<number, number>();
  for (const e of entries)
    byInteraction.set(e.id, Math.max(byInteraction.get(e.id) ?? 0, e.duration));
  const durations = [...byInteraction.values()];
  while (durations.length < expected) durations.push(16);
  return durations;
}

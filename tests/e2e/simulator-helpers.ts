/**
 * Shared actions for the simulator specs (tests/e2e/simulator*.spec.ts).
 * The simulator exposes its state as data attributes on its root:
 * data-scenario, data-cursor (steps run), data-finished, data-outcome,
 * data-busy, data-transport and data-exchange-count.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test, waitForHydration } from './support/fixtures';
import type { HarLog } from '../../src/components/Simulator/lib/export';

export function simRoot(page: Page): Locator {
  return page.locator('[data-simulator]');
}

export function stepDetail(page: Page): Locator {
  return page.getByTestId('sim-step-detail');
}

export async function waitIdle(page: Page): Promise<void> {
  await expect(simRoot(page)).toHaveAttribute('data-busy', 'false');
}

/** Opens /simulator with a query string and waits until it is ready. */
export async function openSimulator(page: Page, query: string): Promise<void> {
  await page.goto(`simulator?${query}`);
  await waitForHydration(page);
  await expect(simRoot(page)).toHaveAttribute('data-cursor', /^\d+$/, {
    timeout: 20_000,
  });
  await waitIdle(page);
}

export function control(page: Page, name: string): Locator {
  return page
    .getByRole('group', { name: 'Step controls' })
    .getByRole('button', { name, exact: true });
}

export async function runToEnd(page: Page): Promise<void> {
  await control(page, 'Run to end').click();
  await expect(simRoot(page)).toHaveAttribute('data-finished', 'true', {
    timeout: 30_000,
  });
  await waitIdle(page);
}

export async function next(page: Page, expectedCursor: number): Promise<void> {
  await control(page, 'Next').click();
  await expect(simRoot(page)).toHaveAttribute(
    'data-cursor',
    String(expectedCursor),
  );
  await waitIdle(page);
}

export async function back(page: Page, expectedCursor: number): Promise<void> {
  await control(page, 'Back').click();
  await expect(simRoot(page)).toHaveAttribute(
    'data-cursor',
    String(expectedCursor),
  );
  await waitIdle(page);
}

/** Clicks "Download HAR" and parses the file. */
export async function downloadHar(page: Page): Promise<HarLog> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download HAR' }).click(),
  ]);
  const path = await download.path();
  return JSON.parse(await readFile(path, 'utf8')) as HarLog;
}

/** The text of every rendered exchange part of the step shown, in order. */
export async function shownExchangeText(page: Page): Promise<string[]> {
  return stepDetail(page)
    .locator('[data-exchange-part]')
    .evaluateAll((nodes) =>
      nodes.map(
        (n) =>
          `${n.getAttribute('data-exchange-id') ?? ''} ${n.getAttribute('data-exchange-part') ?? ''}\n${n.textContent ?? ''}`,
      ),
    );
}

/** Opens every closed <details> inside the simulator (setup, paste, diagram). */
export async function openAllDetails(page: Page): Promise<void> {
  await simRoot(page)
    .locator('details')
    .evaluateAll((nodes) => {
      for (const n of nodes) (n as HTMLDetailsElement).open = true;
    });
}

/** Fails unless the whole box is on screen, clear of navbar and bottom bar. */
export async function expectInView(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  // Let a scrollIntoView started by the step run settle (one frame).
  await page.evaluate(
    () => new Promise((r) => requestAnimationFrame(() => r(null))),
  );
  const box = await target.boundingBox();
  const frame = await page.evaluate(() => {
    const nav = document.querySelector('.navbar')?.getBoundingClientRect();
    const bar = document.querySelector('[data-sim-bottom-bar]');
    const barTop =
      bar && getComputedStyle(bar).display !== 'none'
        ? bar.getBoundingClientRect().top
        : window.innerHeight;
    return { top: nav ? nav.bottom : 0, bottom: barTop };
  });
  expect(box, 'the answer has a box').not.toBeNull();
  if (!box) return;
  expect(box.y, 'below the navbar').toBeGreaterThanOrEqual(frame.top - 1);
  expect(box.y + box.height, 'above the bottom edge').toBeLessThanOrEqual(
    frame.bottom + 1,
  );
}

/**
 * One scenario's checks, as a step of a test that runs several in a row: a
 * failure is reported (the test fails) and the next scenario still runs, so
 * that one broken scenario does not hide how the others fare.
 */
export async function scenarioStep(
  label: string,
  body: () => Promise<void>,
): Promise<void> {
  await test.step(label, async () => {
    const failure = await body().then(
      () => null,
      (error: unknown) =>
        error instanceof Error ? error.message : String(error),
    );
    expect.soft(failure, label).toBeNull();
  });
}

/** Small helpers shared by the benchmark scripts (in Node and in a page). */
import type { Simulation, StepRecord } from '../src/simulator';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

export const median = (values: readonly number[]): number =>
  percentile(values, 50);

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The machine-readable last line every bench prints. */
export function resultLine(figures: Record<string, number | string>): string {
  return `RESULT ${Object.entries(figures)
    .map(([name, value]) => `${name}=${value}`)
    .join(' ')}`;
}

/** Runs a simulation to its end, timing each step (ms). */
export async function timeSteps(
  sim: Simulation,
): Promise<{ record: StepRecord; ms: number }[]> {
  const out: { record: StepRecord; ms: number }[] = [];
  while (!sim.finished) {
    const started = performance.now();
    const record = await sim.next();
    out.push({ record, ms: performance.now() - started });
  }
  return out;
}

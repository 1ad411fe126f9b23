/**
 * The engine's own cost in Node for bench/sim.bench.ts: every scenario run
 * step by step in-process (MSW's in-page getResponse transport, Cedar's Node
 * build), two warm-up runs of them all, then N timed runs each.
 */
import { createSimulation } from '../src/simulator';
import { timeSteps } from './lib';

export interface EngineFigures {
  totals: number[];
  perStep: Map<string, number[]>;
  /** Steps whose records carry a Cedar verdict (pass or fail). */
  cedarSteps: Set<string>;
}

async function once(scenarioId: string): Promise<{
  times: Map<string, number>;
  cedar: Set<string>;
}> {
  const steps = await timeSteps(createSimulation({ scenarioId }));
  const times = new Map(steps.map(({ record, ms }) => [record.stepId, ms]));
  const cedar = new Set(
    steps
      .filter(({ record }) =>
        record.checks.some((c) => c.id === 'cedar' && c.status !== 'skip'),
      )
      .map(({ record }) => record.stepId as string),
  );
  return { times, cedar };
}

export async function engineTimes(
  scenarioIds: readonly string[],
  runs: number,
): Promise<Map<string, EngineFigures>> {
  const out = new Map<string, EngineFigures>();
  // Warm-up: every scenario twice, so the JIT, jose's key imports and Cedar's
  // module are warm before anything is timed.
  const cedarSteps = new Map<string, Set<string>>();
  for (let i = 0; i < 2; i += 1)
    for (const id of scenarioIds) cedarSteps.set(id, (await once(id)).cedar);
  for (const id of scenarioIds) {
    const cedar = cedarSteps.get(id) ?? new Set<string>();
    const figures: EngineFigures = {
      totals: [],
      perStep: new Map(),
      cedarSteps: cedar,
    };
    for (let i = 0; i < runs; i += 1) {
      const { times } = await once(id);
      let total = 0;
      for (const [step, ms] of times) {
        figures.perStep.set(step, [...(figures.perStep.get(step) ?? []), ms]);
        total += ms;
      }
      figures.totals.push(total);
    }
    out.set(id, figures);
  }
  return out;
}

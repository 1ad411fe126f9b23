/**
 * Runs the simulator in-process (no browser, no service worker) and returns
 * the text of each bound part, so the sync script and the Node check read
 * the same output the browser renders.
 */
import { createSimulation, DEFAULT_CEDAR_POLICY } from '../simulator';
import type { StepRecord } from '../simulator/scenarios/records';
import type { ExampleBinding } from './bindings';
import { renderPart } from './render';

/** Runs each scenario once per revision and caches its records. */
export async function simulatorTexts(
  bindings: readonly ExampleBinding[],
): Promise<Map<ExampleBinding, string>> {
  const runs = new Map<string, readonly StepRecord[]>();
  const texts = new Map<ExampleBinding, string>();
  for (const binding of bindings) {
    const key = `${binding.scenario}@${binding.revision}`;
    let records = runs.get(key);
    if (!records) {
      const simulation = createSimulation({
        scenarioId: binding.scenario,
        revision: binding.revision,
      });
      await simulation.runToEnd();
      records = [...simulation.records];
      runs.set(key, records);
    }
    texts.set(binding, renderPart(records, binding, DEFAULT_CEDAR_POLICY));
  }
  return texts;
}

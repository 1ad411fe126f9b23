/**
 * Golden transcripts: every scenario's full transcript (exchanges, checks,
 * tokens, clock events) and the ToolHive configuration it ran with, kept as
 * files. A refactor of the engine must leave them byte-identical; a change
 * in behaviour shows up as a diff a reviewer reads.
 */
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  listScenarios,
  type BackendMode,
} from '../../../src/simulator';

const MODES: BackendMode[] = [
  'passthrough',
  'token-exchange',
  'upstream-swap',
  'strip-auth',
];

async function run(scenarioId: string, backendMode?: BackendMode) {
  const sim = createSimulation({
    scenarioId,
    ...(backendMode ? { backendMode } : {}),
  });
  const transcript = await sim.runToEnd();
  // Ids only: the titles are teaching text, not behaviour.
  return { config: sim.config, steps: sim.steps.map((s) => s.id), transcript };
}

function file(name: string): string {
  return `./__snapshots__/golden/${name}.json`;
}

describe('golden transcripts', () => {
  for (const scenario of listScenarios()) {
    it(scenario.id, async () => {
      const { id, group, expected, refs, backendMode } = scenario;
      const result = {
        scenario: { id, group, expected, refs, backendMode },
        ...(await run(scenario.id)),
      };
      await expect(JSON.stringify(result, null, 1)).toMatchFileSnapshot(
        file(scenario.id),
      );
    });
  }

  it('happy path under every backend mode', async () => {
    const out: Record<string, unknown> = {};
    for (const mode of MODES) out[mode] = await run('happy-path', mode);
    await expect(JSON.stringify(out, null, 1)).toMatchFileSnapshot(
      file('_backend-modes'),
    );
  });

  it('clock moves, back(), and a pasted token', async () => {
    const sim = createSimulation({ scenarioId: 'key-rotation' });
    const out: Record<string, unknown> = {};
    await sim.next();
    await sim.next();
    out.advance = await sim.advanceClock(1000);
    await sim.next();
    await sim.back();
    out.afterBack = sim.transcript();
    await sim.runToEnd();
    const token = sim.records
      .flatMap((r) => r.tokens)
      .find((t) => t.role === 'access-token');
    out.validate = await sim.validateToken(token?.raw ?? 'not-a-token');
    out.validateGarbage = await sim.validateToken('not-a-token');
    out.final = sim.transcript();
    await sim.reset();
    out.afterReset = sim.transcript();
    await expect(JSON.stringify(out, null, 1)).toMatchFileSnapshot(
      file('_controls'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { createSimulation, listScenarios } from '../../../src/simulator';
import { actualOutcome } from './helpers';

describe('scenario catalogue', () => {
  it('has the fixed scenario ids', () => {
    const ids = listScenarios().map((s) => s.id);
    for (const id of [
      'happy-path',
      'cimd',
      'pre-registered',
      'wrong-audience',
      'expired-token',
      'bad-signature',
      'alg-none',
      'hs256-public-key',
      'missing-kid',
      'key-rotation',
      'wrong-issuer',
      'missing-sub',
      'opaque-introspection',
      'opaque-inactive',
      'missing-header',
      'pkce-mismatch',
      'no-s256',
      'invalid-target',
      'state-mismatch',
      'cedar-deny',
      'step-up',
      'passthrough',
      'token-exchange',
      'k8s-service-account',
      'code-reuse',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const scenario of listScenarios()) {
    it(`${scenario.id} reaches its expected outcome`, async () => {
      const sim = createSimulation({ scenarioId: scenario.id });
      const transcript = await sim.runToEnd();
      const internal = transcript.records.filter(
        (r) => r.error?.code === 'internal_error',
      );
      expect(internal, JSON.stringify(internal.map((r) => r.error))).toEqual(
        [],
      );
      expect(
        actualOutcome(transcript),
        JSON.stringify(
          transcript.records.map((r) => [r.stepId, r.outcome, r.error]),
          null,
          1,
        ),
      ).toEqual(scenario.expected);
      expect(transcript.finished).toBe(true);
    });
  }
});

import { describe, expect, it } from 'vitest';
import {
  SPEC_REVISIONS,
  createSimulation,
  listScenarios,
} from '../../../src/simulator';
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
      'mix-up',
      'as-issuer-mismatch',
      'credentials-other-as',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const scenario of listScenarios())
    for (const revision of SPEC_REVISIONS)
      it(`${scenario.id} reaches its expected outcome under ${revision}`, async () => {
        const sim = createSimulation({ scenarioId: scenario.id, revision });
        expect(sim.revision).toBe(revision);
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
        ).toEqual(scenario.expectedByRevision[revision]);
        expect(transcript.finished).toBe(true);
      });

  it('keeps the default outcome as the 2025-11-25 one', () => {
    for (const s of listScenarios())
      expect(s.expectedByRevision['2025-11-25']).toEqual(s.expected);
  });

  it('expects the new scenarios to differ between the revisions, except the metadata issuer check RFC 8414 already requires', () => {
    const byId = new Map(listScenarios().map((s) => [s.id, s]));
    for (const id of ['mix-up', 'credentials-other-as']) {
      const s = byId.get(id as never);
      expect(s?.expectedByRevision['2026-07-28']).not.toEqual(
        s?.expectedByRevision['2025-11-25'],
      );
    }
    const asIssuer = byId.get('as-issuer-mismatch');
    expect(asIssuer?.expectedByRevision['2026-07-28']).toEqual(
      asIssuer?.expectedByRevision['2025-11-25'],
    );
    expect(asIssuer?.expected).toMatchObject({
      result: 'failure',
      code: 'as_issuer_mismatch',
    });
  });
});

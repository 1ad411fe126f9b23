/* eslint-disable @typescript-eslint/no-non-null-assertion -- a wrong guess fails the test right there, which is what a test wants. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createSimulation,
  listScenarios,
  type CheckVerdict,
  type Simulation,
} from '../../../src/simulator';
import { makeWorld, mint } from './world-helpers';

const accepted = (v: CheckVerdict[]) =>
  v.some((c) => c.id === 'sub' && c.status === 'pass') &&
  !v.some((c) => c.status === 'fail');

function mutateSegment(
  token: string,
  segment: number,
  byteIndex: number,
  bit: number,
): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[segment]!, 'base64url');
  if (bytes.length === 0) return token + 'x';
  const i = byteIndex % bytes.length;
  bytes[i] = bytes[i]! ^ (1 << bit);
  parts[segment] = bytes.toString('base64url');
  return parts.join('.');
}

describe('token properties', () => {
  it('never accepts random strings', async () => {
    const w = makeWorld('opaque-introspection');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.base64String(),
          fc
            .tuple(fc.base64String(), fc.base64String(), fc.base64String())
            .map((p) => p.join('.')),
        ),
        async (raw) => {
          const r = await w.toolhive.freshValidator().validate(raw);
          expect(accepted(r.verdicts)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never accepts a valid token with any bit flipped, truncated or extended', async () => {
    const w = makeWorld();
    const valid = await mint(w);
    const validator = w.toolhive.freshValidator();
    expect((await validator.validate(valid)).ok).toBe(true);
    const mutation = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 2 }),
          fc.nat(),
          fc.integer({ min: 0, max: 7 }),
        )
        .map(([s, b, bit]) => mutateSegment(valid, s, b, bit)),
      fc
        .integer({ min: 1, max: valid.length - 1 })
        .map((n) => valid.slice(0, n)),
      fc.string({ minLength: 1 }).map((s) => valid + s),
      fc.constantFrom(0, 1, 2).map((s) =>
        valid
          .split('.')
          .filter((_, i) => i !== s)
          .join('.'),
      ),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (raw) => {
        fc.pre(raw !== valid);
        const r = await validator.validate(raw);
        expect(accepted(r.verdicts)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});

type Op =
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'reset' }
  | { kind: 'clock'; seconds: number }
  | { kind: 'validate'; raw: string };

function checkInvariants(sim: Simulation): void {
  const t = sim.transcript();
  expect(sim.cursor).toBe(sim.records.length);
  expect(sim.records.length).toBeLessThanOrEqual(sim.steps.length);
  sim.records.forEach((r, i) => {
    expect(r.stepId).toBe(sim.steps[i]!.id);
    expect(r.index).toBe(i);
    expect(r.error?.code).not.toBe('internal_error');
  });
  const failedAt = sim.records.findIndex((r) => r.status === 'failed');
  if (failedAt >= 0) expect(failedAt).toBe(sim.records.length - 1);
  expect(sim.finished).toBe(
    failedAt >= 0 || sim.records.length === sim.steps.length,
  );
  expect(t.outcome).toBe(
    failedAt >= 0 ? 'failure' : sim.finished ? 'success' : 'running',
  );
  expect(Date.parse(t.clock)).toBeGreaterThanOrEqual(
    Date.parse('2026-01-15T09:00:00Z'),
  );
}

describe('engine properties', () => {
  it('random sequences of next, back, reset, clock and validate never throw and keep the invariants', async () => {
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 5, arbitrary: fc.constant({ kind: 'next' as const }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'back' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
      {
        weight: 2,
        arbitrary: fc
          .integer({ min: 0, max: 7200 })
          .map((seconds) => ({ kind: 'clock' as const, seconds })),
      },
      {
        weight: 1,
        arbitrary: fc
          .string()
          .map((raw) => ({ kind: 'validate' as const, raw })),
      },
    );
    const ids = listScenarios().map((s) => s.id);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ids),
        fc.array(op, { maxLength: 14 }),
        async (scenarioId, ops) => {
          const sim = createSimulation({ scenarioId });
          for (const o of ops) {
            if (o.kind === 'next') await sim.next();
            else if (o.kind === 'back') await sim.back();
            else if (o.kind === 'reset') await sim.reset();
            else if (o.kind === 'clock') await sim.advanceClock(o.seconds);
            else await sim.validateToken(o.raw);
            checkInvariants(sim);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('going back and forward again reproduces the same records when no clock moves happen', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...listScenarios().map((s) => s.id)),
        fc.integer({ min: 1, max: 12 }),
        async (scenarioId, n) => {
          const sim = createSimulation({ scenarioId });
          for (let i = 0; i < n; i++) await sim.next();
          const before = JSON.stringify(sim.records);
          const count = sim.records.length;
          await sim.back();
          expect(sim.records).toHaveLength(Math.max(0, count - 1));
          await sim.next();
          expect(JSON.stringify(sim.records)).toBe(before);
        },
      ),
      { numRuns: 25 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  defaultCedarLoader,
  type CedarApi,
} from '../../../src/simulator/engine/cedar-api';
import {
  authorize,
  warmAuthorizer,
  type CedarRequestInput,
} from '../../../src/simulator/actors/toolhive/cedar';
import { DEFAULT_CEDAR_POLICY } from '../../../src/simulator/engine/policy';

/**
 * A Cedar API object that counts each call. Each one gets its own entry in
 * cedar.ts's policy-text-to-slot map; Cedar's own store of parsed sets (and
 * its compiled code) is shared by every wrapper of the one wasm module.
 */
async function countingCedar(): Promise<{
  cedar: CedarApi;
  calls: Record<string, number>;
}> {
  const real = await defaultCedarLoader();
  const calls: Record<string, number> = {};
  const count =
    <A extends unknown[], R>(name: string, fn: (...args: A) => R) =>
    (...args: A): R => {
      calls[name] = (calls[name] ?? 0) + 1;
      return fn(...args);
    };
  return {
    calls,
    cedar: {
      isAuthorized: count('isAuthorized', real.isAuthorized),
      checkParsePolicySet: count(
        'checkParsePolicySet',
        real.checkParsePolicySet,
      ),
      preparsePolicySet: count('preparsePolicySet', real.preparsePolicySet),
      statefulIsAuthorized: count(
        'statefulIsAuthorized',
        real.statefulIsAuthorized,
      ),
    },
  };
}

const input = (resourceId: string): CedarRequestInput => ({
  claims: { sub: 'alice', groups: ['engineering'] },
  action: 'call_tool',
  resourceType: 'Tool',
  resourceId,
  args: {},
  serverName: 'github',
});

describe('warmAuthorizer', () => {
  it('leaves the policy parsed, so the first real decision parses nothing', async () => {
    const { cedar, calls } = await countingCedar();
    warmAuthorizer(cedar, DEFAULT_CEDAR_POLICY);
    expect(calls).toEqual({ preparsePolicySet: 1, statefulIsAuthorized: 1 });
    authorize(cedar, input('echo'), DEFAULT_CEDAR_POLICY);
    expect(calls).toEqual({ preparsePolicySet: 1, statefulIsAuthorized: 2 });
  });

  it('changes no decision', async () => {
    const cold = await countingCedar();
    const warm = await countingCedar();
    warmAuthorizer(warm.cedar, DEFAULT_CEDAR_POLICY);
    const allowed: boolean[] = [];
    for (const tool of ['echo', 'get_weather', 'delete_records', 'x']) {
      const decision = authorize(warm.cedar, input(tool), DEFAULT_CEDAR_POLICY);
      expect(decision).toEqual(
        authorize(cold.cedar, input(tool), DEFAULT_CEDAR_POLICY),
      );
      allowed.push(decision.allowed);
    }
    // Both outcomes are compared, not only denials.
    expect(allowed).toEqual([true, true, false, false]);
  });

  it("leaves the reader's own policies deciding as before, also past the cache's 8 slots", async () => {
    const { cedar } = await countingCedar();
    // The reader's edits: each denies `echo` to one more sub, so each text
    // decides differently for some caller.
    const edits = Array.from(
      { length: 8 },
      (_, i) =>
        `${DEFAULT_CEDAR_POLICY}\nforbid (principal == Client::"user-${i}", action, resource);\n`,
    );
    const asUser = (i: number) => ({
      ...input('echo'),
      claims: { sub: `user-${i}`, groups: [] },
    });
    const before = edits.map((p, i) => authorize(cedar, asUser(i), p));
    expect(before.map((d) => d.allowed)).toEqual(Array(8).fill(false));
    // The warm-up takes a slot (evicting the oldest edit's parsed set).
    warmAuthorizer(cedar, DEFAULT_CEDAR_POLICY);
    const after = edits.map((p, i) => authorize(cedar, asUser(i), p));
    expect(after).toEqual(before);
    // And each edit still allows the others.
    expect(authorize(cedar, asUser(1), edits[0] ?? '').allowed).toBe(true);
  });

  it('does not throw on a policy that does not parse', async () => {
    const { cedar } = await countingCedar();
    expect(() => warmAuthorizer(cedar, 'permit(')).not.toThrow();
  });
});

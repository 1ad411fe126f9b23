/**
 * Cedar in Node: one authorization call with the policy text parsed on every
 * call (what the simulator's ToolHive actor did once per tool before it kept
 * the parsed set) against a policy set parsed once (`preparsePolicySet`) and
 * then `statefulIsAuthorized`, as src/simulator/actors/toolhive/cedar.ts does
 * now. Prints figures only.
 *
 *   npx tsx bench/cedar.bench.ts [-- --calls 2000]
 */
import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import { DEFAULT_CEDAR_POLICY } from '../src/simulator';
import { options } from '../scripts/lib/args';
import { resultLine, round } from './lib';

const CALLS = Number(options({ calls: '2000' }).calls);

const request = {
  principal: { type: 'Client', id: 'alice' },
  action: { type: 'Action', id: 'call_tool' },
  resource: { type: 'Tool', id: 'echo' },
  context: {},
  entities: [
    { uid: { type: 'Client', id: 'alice' }, attrs: {}, parents: [] },
    {
      uid: { type: 'Tool', id: 'echo' },
      attrs: {},
      parents: [{ type: 'MCP', id: 'server' }],
    },
    { uid: { type: 'MCP', id: 'server' }, attrs: {}, parents: [] },
  ],
};

function perCallUs(call: () => cedar.AuthorizationAnswer): number {
  for (let i = 0; i < 200; i += 1) call(); // warm-up
  const started = performance.now();
  for (let i = 0; i < CALLS; i += 1) call();
  return ((performance.now() - started) / CALLS) * 1000;
}

const fresh = () =>
  cedar.isAuthorized({
    ...request,
    policies: { staticPolicies: DEFAULT_CEDAR_POLICY },
  });
const parsed = cedar.preparsePolicySet('bench', {
  staticPolicies: DEFAULT_CEDAR_POLICY,
});
if (parsed.type !== 'success') throw new Error('the default policy must parse');
const stateful = () =>
  cedar.statefulIsAuthorized({ ...request, preparsedPolicySetId: 'bench' });

const a = fresh();
const b = stateful();
if (a.type !== 'success' || b.type !== 'success')
  throw new Error('both calls must succeed');
if (a.response.decision !== b.response.decision)
  throw new Error('both calls must reach the same decision');

const freshUs = perCallUs(fresh);
const statefulUs = perCallUs(stateful);
console.log(
  `Cedar ${cedar.getCedarVersion()}, ${CALLS} calls each: policy text every call ${round(freshUs)} µs/call, preparsed ${round(statefulUs)} µs/call (decision ${a.response.decision}).`,
);
console.log(
  resultLine({
    parse_each_call_us: round(freshUs),
    preparsed_us: round(statefulUs),
    speedup: round(freshUs / statefulUs, 2),
    calls: CALLS,
  }),
);

/**
 * ToolHive v0.44's Cedar authorization (pkg/authz): method mapping, the entity
 * model (Client::"<sub>", Action::"call_tool", Tool::"<name>", claim_* and
 * arg_* attributes, MCP::"<server>" parent, THVGroup parents), default deny.
 */
import type { CedarApi } from '../../engine/cedar-api';
import type * as Cedar from '@cedar-policy/cedar-wasm/nodejs';

/** Methods that are always allowed (pkg/authz/middleware.go). */
const ALWAYS_ALLOWED = new Set([
  'initialize',
  'ping',
  'logging/setLevel',
  'completion/complete',
  'roots/list',
  'server/discover',
  'subscriptions/listen',
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/message',
  'notifications/roots/list_changed',
  'notifications/resources/updated',
  'notifications/resources/list_changed',
  'notifications/tools/list_changed',
  'notifications/prompts/list_changed',
  'notifications/elicitation/complete',
]);

/** List methods pass through; the first three have their responses filtered. */
const LIST_METHODS = new Set([
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'features/list',
]);

export type MethodClass =
  | { kind: 'always-allowed' }
  | { kind: 'list'; filtered: boolean }
  | {
      kind: 'authorize';
      action: 'call_tool' | 'get_prompt' | 'read_resource';
      resourceType: 'Tool' | 'Prompt' | 'Resource';
    }
  | { kind: 'unknown' };

export function classifyMethod(method: string): MethodClass {
  if (ALWAYS_ALLOWED.has(method)) return { kind: 'always-allowed' };
  if (LIST_METHODS.has(method))
    return {
      kind: 'list',
      filtered: ['tools/list', 'prompts/list', 'resources/list'].includes(
        method,
      ),
    };
  if (method === 'tools/call')
    return { kind: 'authorize', action: 'call_tool', resourceType: 'Tool' };
  if (method === 'prompts/get')
    return { kind: 'authorize', action: 'get_prompt', resourceType: 'Prompt' };
  if (
    method === 'resources/read' ||
    method === 'resources/subscribe' ||
    method === 'resources/unsubscribe'
  ) {
    return {
      kind: 'authorize',
      action: 'read_resource',
      resourceType: 'Resource',
    };
  }
  return { kind: 'unknown' };
}

/** Converts a JSON value to a Cedar value; null and non-integer numbers are dropped. */
function toCedar(value: unknown): Cedar.CedarValueJson | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number')
    return Number.isSafeInteger(value) ? value : String(value);
  if (Array.isArray(value)) {
    const items = value
      .map(toCedar)
      .filter((x): x is Cedar.CedarValueJson => x !== undefined);
    return items;
  }
  if (value && typeof value === 'object') {
    const rec: Record<string, Cedar.CedarValueJson> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = toCedar(v);
      if (c !== undefined) rec[k] = c;
    }
    return rec;
  }
  return undefined;
}

function prefixed(
  prefix: string,
  source: Record<string, unknown>,
): Record<string, Cedar.CedarValueJson> {
  const out: Record<string, Cedar.CedarValueJson> = {};
  for (const [k, v] of Object.entries(source)) {
    const c = toCedar(v);
    if (c !== undefined) out[`${prefix}${k}`] = c;
  }
  return out;
}

/**
 * Tool arguments as ToolHive gives them to Cedar (`preprocessArguments`,
 * pkg/authz/authorizers/cedar/core.go): strings, booleans and numbers become
 * `arg_<name>`; anything else (object, array, null) only sets
 * `arg_<name>_present` to true.
 */
function argAttributes(
  args: Record<string, unknown>,
): Record<string, Cedar.CedarValueJson> {
  const out: Record<string, Cedar.CedarValueJson> = {};
  for (const [k, v] of Object.entries(args)) {
    const simple =
      typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number';
    const c = simple ? toCedar(v) : undefined;
    if (c !== undefined) out[`arg_${k}`] = c;
    else out[`arg_${k}_present`] = true;
  }
  return out;
}

export interface CedarRequestInput {
  claims: Record<string, unknown>;
  action: 'call_tool' | 'get_prompt' | 'read_resource';
  resourceType: 'Tool' | 'Prompt' | 'Resource';
  resourceId: string;
  args: Record<string, unknown>;
  serverName: string;
}

export interface CedarDecision {
  allowed: boolean;
  /** Policy ids that determined the decision, or Cedar's errors. */
  reasons: string[];
  errors: string[];
  request: {
    principal: string;
    action: string;
    resource: string;
    context: Record<string, Cedar.CedarValueJson>;
  };
}

/** How many parsed policy sets Cedar keeps per module (the UI lets you edit the text). */
const PREPARED_SLOTS = 8;
const prepared = new WeakMap<CedarApi, Map<string, string | null>>();

/**
 * Parses a policy text once and keeps it in Cedar's cache, so filtering a
 * list of n tools parses the policy once instead of n times. Returns the
 * cached set's id, or null when the text does not parse (the caller then
 * lets isAuthorized report the errors).
 */
function preparedPolicySet(cedar: CedarApi, policy: string): string | null {
  let sets = prepared.get(cedar);
  if (!sets) {
    sets = new Map();
    prepared.set(cedar, sets);
  }
  const known = sets.get(policy);
  if (known !== undefined) return known;
  if (sets.size >= PREPARED_SLOTS) {
    const oldest = sets.keys().next().value;
    if (oldest !== undefined) sets.delete(oldest);
  }
  const used = new Set(sets.values());
  let slot = 0;
  while (used.has(`thv-policy-${slot}`)) slot++;
  const id = `thv-policy-${slot}`;
  const parsed = cedar.preparsePolicySet(id, { staticPolicies: policy });
  const result = parsed.type === 'success' ? id : null;
  sets.set(policy, result);
  return result;
}

function buildCedarCall(
  input: CedarRequestInput,
  policy: string,
): { call: Cedar.AuthorizationCall; summary: CedarDecision['request'] } | null {
  const sub = input.claims.sub;
  if (typeof sub !== 'string' || sub === '') return null;
  const claimAttrs = prefixed('claim_', input.claims);
  const argAttrs = argAttributes(input.args);
  const groups = ['groups', 'roles', 'cognito:groups']
    .flatMap((k) =>
      Array.isArray(input.claims[k]) ? (input.claims[k] as unknown[]) : [],
    )
    .filter((g): g is string => typeof g === 'string');
  const context = { ...claimAttrs, ...argAttrs };
  const principal = { type: 'Client', id: sub };
  const resource = { type: input.resourceType, id: input.resourceId };
  const parent = { type: 'MCP', id: input.serverName };
  const entities: Cedar.EntityJson[] = [
    {
      uid: principal,
      attrs: claimAttrs,
      parents: groups.map((g) => ({ type: 'THVGroup', id: g })),
    },
    { uid: resource, attrs: argAttrs, parents: [parent] },
    { uid: parent, attrs: {}, parents: [] },
    ...groups.map((g) => ({
      uid: { type: 'THVGroup', id: g },
      attrs: {},
      parents: [],
    })),
  ];
  return {
    call: {
      principal,
      action: { type: 'Action', id: input.action },
      resource,
      context,
      policies: { staticPolicies: policy },
      entities,
    },
    summary: {
      principal: `Client::${JSON.stringify(sub)}`,
      action: `Action::${JSON.stringify(input.action)}`,
      resource: `${input.resourceType}::${JSON.stringify(input.resourceId)}`,
      context,
    },
  };
}

export function authorize(
  cedar: CedarApi,
  input: CedarRequestInput,
  policy: string,
): CedarDecision {
  const built = buildCedarCall(input, policy);
  if (!built) {
    return {
      allowed: false,
      reasons: [],
      errors: ['no sub claim, so there is no principal'],
      request: {
        principal: '(none)',
        action: `Action::"${input.action}"`,
        resource: `${input.resourceType}::"${input.resourceId}"`,
        context: {},
      },
    };
  }
  const setId = preparedPolicySet(cedar, policy);
  const { policies: _text, ...call } = built.call;
  const answer =
    setId === null
      ? cedar.isAuthorized(built.call)
      : cedar.statefulIsAuthorized({ ...call, preparsedPolicySetId: setId });
  if (answer.type === 'failure') {
    return {
      allowed: false,
      reasons: [],
      errors: answer.errors.map((e) => e.message),
      request: built.summary,
    };
  }
  const errors = answer.response.diagnostics.errors.map(
    (e) => `${e.policyId}: ${e.error.message}`,
  );
  return {
    allowed: answer.response.decision === 'allow' && errors.length === 0,
    reasons: answer.response.diagnostics.reason,
    errors,
    request: built.summary,
  };
}

/**
 * Makes one throwaway decision against `policy`, so that the first real one
 * does not pay for what only a first call costs: a browser compiles each wasm
 * function the first time it runs, and Cedar's evaluator took about 240 ms on
 * its first call in Chromium against a few ms after (parsing alone does not
 * compile it). It also leaves `policy` parsed in the cache `authorize` reads
 * (taking one of its slots, as any policy the reader runs does).
 */
export function warmAuthorizer(cedar: CedarApi, policy: string): void {
  authorize(
    cedar,
    {
      // A group, a role and a tool the default policy names, so the decision
      // runs its conditions (`has`, `contains`), not only its scopes.
      claims: { sub: 'warm-up', groups: ['warm-up'], roles: ['warm-up'] },
      action: 'call_tool',
      resourceType: 'Tool',
      resourceId: 'delete_records',
      args: { warm: 'up' },
      serverName: 'warm-up',
    },
    policy,
  );
}

/** Parses a policy set; returns Cedar's own error messages, or [] when it parses. */
export function policyErrors(cedar: CedarApi, policy: string): string[] {
  const r = cedar.checkParsePolicySet({ staticPolicies: policy });
  return r.type === 'success'
    ? []
    : r.errors.map(
        (e) =>
          e.message +
          (e.sourceLocations?.[0]?.label
            ? ` (${e.sourceLocations[0].label})`
            : ''),
      );
}

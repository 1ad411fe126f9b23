/**
 * The scenario catalogue: one row per scenario with its configuration (fault
 * knobs), its step order and its expected outcome. Ids are stable; other
 * tools link to them.
 */
import type {
  BackendMode,
  CheckId,
  ExpectedOutcome,
  ScenarioGroup,
} from './types';
import type { WorldConfig } from './world';
import { DEMO_USER } from './world';
import type { CraftKind } from './crafted-tokens';
import type { KnownStepId } from '../content/steps';
import { SCENARIO_CONTENT } from '../content/scenarios';
import type { RefId } from './references';

export interface ScenarioRow {
  id: keyof typeof SCENARIO_CONTENT;
  group: ScenarioGroup;
  steps: KnownStepId[];
  config: Partial<Omit<WorldConfig, 'authServer' | 'toolhive' | 'client'>> & {
    authServer?: WorldConfig['authServer'];
    toolhive?: WorldConfig['toolhive'];
    client?: WorldConfig['client'];
  };
  craft?: CraftKind;
  toolCall?: { name: string; arguments: Record<string, unknown> };
  expected: ExpectedOutcome;
  refs: RefId[];
}

export interface ScenarioDef {
  id: string;
  title: string;
  group: ScenarioGroup;
  description: string;
  expected: ExpectedOutcome;
  refs: RefId[];
  backendMode: BackendMode;
}

const DISCOVERY: KnownStepId[] = [
  'probe_unauthenticated',
  'fetch_resource_metadata',
  'fetch_authorization_server_metadata',
  'register_client',
];
const LOGIN: KnownStepId[] = [...DISCOVERY, 'authorize', 'exchange_code'];
const FULL: KnownStepId[] = [
  ...LOGIN,
  'call_initialize',
  'list_tools',
  'call_tool',
];

function fail(
  failedStepId: KnownStepId,
  failedCheck: CheckId,
  status?: number,
  error?: string,
): ExpectedOutcome {
  return {
    result: 'failure',
    failedStepId,
    failedCheck,
    ...(status !== undefined ? { status } : {}),
    ...(error !== undefined ? { error } : {}),
  };
}
const OK: ExpectedOutcome = { result: 'success' };

export const SCENARIOS: readonly ScenarioRow[] = [
  // happy path
  {
    id: 'happy-path',
    group: 'happy-path',
    steps: FULL,
    config: { registration: 'dcr', toolhive: { authz: true } },
    expected: OK,
    refs: ['spec-dcr', 'spec-prm-discovery'],
  },
  {
    id: 'cimd',
    group: 'happy-path',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { registration: 'cimd' },
    expected: OK,
    refs: ['spec-cimd'],
  },
  {
    id: 'pre-registered',
    group: 'happy-path',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { registration: 'pre-registered' },
    expected: OK,
    refs: ['spec-preregistration'],
  },
  // token validation
  {
    id: 'wrong-audience',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_token_for_other_server'],
    config: {},
    expected: fail(
      'present_token_for_other_server',
      'aud',
      401,
      'invalid_token',
    ),
    refs: ['spec-audience-binding'],
  },
  {
    id: 'expired-token',
    group: 'token-validation',
    steps: [
      ...LOGIN,
      'call_initialize',
      'wait_for_token_expiry',
      'call_with_expired_token',
    ],
    config: {},
    expected: fail('call_with_expired_token', 'exp', 401, 'invalid_token'),
    refs: ['thv-validate-claims'],
  },
  {
    id: 'bad-signature',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_crafted_token'],
    craft: 'bad-signature',
    config: {},
    expected: fail('present_crafted_token', 'signature', 401, 'invalid_token'),
    refs: ['thv-introspection-fallback'],
  },
  {
    id: 'alg-none',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_crafted_token'],
    craft: 'alg-none',
    config: {},
    expected: fail('present_crafted_token', 'alg', 401, 'invalid_token'),
    refs: ['thv-alg-kid', 'rfc8725-3.1'],
  },
  {
    id: 'hs256-public-key',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_crafted_token'],
    craft: 'hs256-public-key',
    config: {},
    expected: fail('present_crafted_token', 'alg', 401, 'invalid_token'),
    refs: ['thv-alg-kid', 'rfc8725-3.1'],
  },
  {
    id: 'missing-kid',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_crafted_token'],
    craft: 'missing-kid',
    config: {},
    expected: fail('present_crafted_token', 'kid', 401, 'invalid_token'),
    refs: ['thv-alg-kid'],
  },
  {
    id: 'key-rotation',
    group: 'token-validation',
    steps: [
      ...LOGIN,
      'call_initialize',
      'rotate_signing_key',
      'refresh_access_token',
      'call_with_rotated_key',
      'wait_for_jwks_refresh',
      'retry_with_rotated_key',
    ],
    config: {},
    expected: OK,
    refs: ['thv-kid-lookup', 'thv-jwks-register'],
  },
  {
    id: 'wrong-issuer',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize'],
    config: {
      authServer: {
        issuerClaimOverride: 'https://auth.example.com/realms/partners',
      },
    },
    expected: fail('call_initialize', 'iss', 401, 'invalid_token'),
    refs: ['thv-validate-claims'],
  },
  {
    id: 'missing-sub',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize'],
    config: { authServer: { omitSub: true } },
    expected: fail('call_initialize', 'sub', 401, 'invalid_token'),
    refs: ['thv-sub-required', 'thv-invalid-claims'],
  },
  {
    id: 'opaque-introspection',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: {
      authServer: { tokenFormat: 'opaque' },
      toolhive: { introspection: true },
    },
    expected: OK,
    refs: ['thv-introspection-fallback', 'rfc7662-2'],
  },
  {
    id: 'opaque-inactive',
    group: 'token-validation',
    steps: [...LOGIN, 'revoke_token', 'call_initialize'],
    config: {
      authServer: { tokenFormat: 'opaque' },
      toolhive: { introspection: true },
    },
    expected: fail('call_initialize', 'introspection', 401, 'invalid_token'),
    refs: ['thv-introspection-claims', 'rfc7662-2'],
  },
  {
    id: 'missing-header',
    group: 'token-validation',
    steps: ['call_without_token'],
    config: {},
    expected: fail('call_without_token', 'auth-header', 401, 'invalid_request'),
    refs: ['thv-invalid-request', 'rfc6750-3.1'],
  },
  {
    id: 'k8s-service-account',
    group: 'token-validation',
    steps: ['probe_unauthenticated', 'present_service_account_token'],
    config: { embeddedAs: true, backendMode: 'upstream-swap' },
    expected: fail(
      'present_service_account_token',
      'jwks-key',
      401,
      'invalid_token',
    ),
    refs: ['thv-as-single-issuer'],
  },
  // client and AS faults
  {
    id: 'pkce-mismatch',
    group: 'client-as-faults',
    steps: LOGIN,
    config: { client: { pkceFault: 'wrong-verifier' } },
    expected: fail('exchange_code', 'pkce-verifier', 400, 'invalid_grant'),
    refs: ['rfc7636-4'],
  },
  {
    id: 'no-s256',
    group: 'client-as-faults',
    steps: LOGIN,
    config: { authServer: { advertiseS256: false } },
    expected: fail(
      'fetch_authorization_server_metadata',
      'pkce-s256-advertised',
    ),
    refs: ['spec-code-protection'],
  },
  {
    id: 'invalid-target',
    group: 'client-as-faults',
    steps: LOGIN,
    config: {
      authServer: { allowedResources: ['https://other-mcp.example.com/mcp'] },
    },
    expected: fail('authorize', 'resource-indicator', 302, 'invalid_target'),
    refs: ['rfc8707-2'],
  },
  {
    id: 'state-mismatch',
    group: 'client-as-faults',
    steps: LOGIN,
    config: { authServer: { callbackStateOverride: 'attacker-chosen-state' } },
    expected: fail('authorize', 'callback-state', 302),
    refs: ['spec-open-redirection', 'rfc6749-10.12'],
  },
  {
    id: 'consent-denied',
    group: 'client-as-faults',
    steps: LOGIN,
    config: { authServer: { consent: 'deny' } },
    expected: {
      result: 'failure',
      failedStepId: 'authorize',
      status: 302,
      error: 'access_denied',
    },
    refs: ['rfc6749-4.1.2.1'],
  },
  {
    id: 'code-reuse',
    group: 'client-as-faults',
    steps: [...LOGIN, 'redeem_code_again'],
    config: {},
    expected: fail(
      'redeem_code_again',
      'code-single-use',
      400,
      'invalid_grant',
    ),
    refs: ['spec-code-protection'],
  },
  // authorization
  {
    id: 'cedar-deny',
    group: 'authorization',
    steps: FULL,
    config: { toolhive: { authz: true } },
    toolCall: { name: 'delete_records', arguments: { table: 'invoices' } },
    expected: fail('call_tool', 'cedar', 403),
    refs: ['thv-cedar-default-deny', 'thv-tool-filter', 'thv-authz-deny'],
  },
  {
    id: 'step-up',
    group: 'authorization',
    steps: [
      ...LOGIN,
      'call_initialize',
      'call_tool',
      'step_up_authorize',
      'step_up_exchange_code',
      'retry_tool_call',
    ],
    config: { toolhive: { specStepUp: { delete_records: ['mcp:admin'] } } },
    toolCall: { name: 'delete_records', arguments: { table: 'invoices' } },
    expected: OK,
    refs: ['spec-step-up', 'spec-insufficient-scope'],
  },
  // backend authentication
  {
    id: 'passthrough',
    group: 'backend-auth',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { backendMode: 'passthrough' },
    expected: OK,
    refs: ['thv-passthrough', 'spec-token-passthrough'],
  },
  {
    id: 'token-exchange',
    group: 'backend-auth',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { backendMode: 'token-exchange' },
    expected: OK,
    refs: ['rfc8693-2', 'thv-token-exchange-request'],
  },
  {
    id: 'upstream-swap',
    group: 'backend-auth',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { embeddedAs: true, backendMode: 'upstream-swap' },
    expected: OK,
    refs: ['thv-upstream-swap', 'thv-as-upstream-authorize'],
  },
  {
    id: 'strip-auth',
    group: 'backend-auth',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { backendMode: 'strip-auth' },
    expected: OK,
    refs: ['thv-strip-auth'],
  },
];

export function scenarioRow(id: string): ScenarioRow | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

export function worldConfigFor(
  row: ScenarioRow,
  backendModeOverride?: BackendMode,
): WorldConfig {
  return {
    embeddedAs: row.config.embeddedAs ?? false,
    backendMode: backendModeOverride ?? row.config.backendMode ?? 'passthrough',
    registration: row.config.registration ?? 'dcr',
    authServer: { ...row.config.authServer },
    toolhive: { ...row.config.toolhive },
    client: { ...row.config.client },
    user: row.config.user ?? DEMO_USER,
  };
}

export function scenarioDef(row: ScenarioRow): ScenarioDef {
  const c = SCENARIO_CONTENT[row.id];
  return {
    id: row.id,
    title: c.title,
    group: row.group,
    description: c.description,
    expected: { ...row.expected },
    refs: [...row.refs],
    backendMode: row.config.backendMode ?? 'passthrough',
  };
}

export function listScenarios(): ScenarioDef[] {
  return SCENARIOS.map(scenarioDef);
}

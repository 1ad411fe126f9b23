/**
 * The scenario catalogue: one row per scenario with its configuration (fault
 * knobs), its step order and its expected outcome. The table owns the
 * scenario ids: `ScenarioId` is the union of its `id` fields, and the
 * teaching text (content/scenarios.ts) is a `Record<ScenarioId, ...>`.
 * Adding a scenario is one row here plus one entry there; the compiler
 * reports anything missing. Ids are stable; other tools link to them.
 */
import {
  DEFAULT_REVISION,
  type BackendMode,
  type CheckId,
  type SpecRevision,
} from '../engine/types';
import type { SimErrorCode } from '../engine/errors';
import type { RefId } from '../engine/references';
import type { WorldConfig } from '../world/config';
import { DEMO_USER } from '../world/setups';
import type { StepId } from './steps';
import type { StepInput } from './step-actions';

export type ScenarioGroup =
  | 'happy-path'
  | 'token-validation'
  | 'client-as-faults'
  | 'authorization'
  | 'backend-auth';

/**
 * What a scenario ends in. A failure names the step that fails, the stable
 * error code it fails with and, when they apply, the failed check, the HTTP
 * status and the OAuth error code of the answer.
 */
export type ExpectedOutcome =
  | { result: 'success' }
  | {
      result: 'failure';
      failedStepId: StepId;
      code: SimErrorCode;
      failedCheck?: CheckId;
      status?: number;
      error?: string;
    };

export interface ScenarioRow<Id extends string = string> extends StepInput {
  id: Id;
  group: ScenarioGroup;
  steps: StepId[];
  config: Partial<Omit<WorldConfig, 'authServer' | 'toolhive' | 'client'>> & {
    authServer?: WorldConfig['authServer'];
    toolhive?: WorldConfig['toolhive'];
    client?: WorldConfig['client'];
  };
  /** The outcome under the default revision (2025-11-25). */
  expected: ExpectedOutcome;
  /** Where another revision ends differently: its expected outcome. */
  expectedUnder?: Partial<Record<SpecRevision, ExpectedOutcome>>;
  refs: RefId[];
}

/** Keeps each row's id as a literal, so ScenarioId is the union of them. */
function row<const Id extends string>(r: ScenarioRow<Id>): ScenarioRow<Id> {
  return r;
}

const DISCOVERY: StepId[] = [
  'probe_unauthenticated',
  'fetch_resource_metadata',
  'fetch_authorization_server_metadata',
  'register_client',
];
const LOGIN: StepId[] = [...DISCOVERY, 'authorize', 'exchange_code'];
const FULL: StepId[] = [...LOGIN, 'call_initialize', 'list_tools', 'call_tool'];

function fail(
  failedStepId: StepId,
  code: SimErrorCode,
  at: { check?: CheckId; status?: number; error?: string },
): ExpectedOutcome {
  return {
    result: 'failure',
    failedStepId,
    code,
    ...(at.check !== undefined ? { failedCheck: at.check } : {}),
    ...(at.status !== undefined ? { status: at.status } : {}),
    ...(at.error !== undefined ? { error: at.error } : {}),
  };
}
const OK: ExpectedOutcome = { result: 'success' };

export const SCENARIOS = [
  // happy path
  row({
    id: 'happy-path',
    group: 'happy-path',
    steps: FULL,
    config: { registration: 'dcr', toolhive: { authz: true } },
    expected: OK,
    refs: ['spec-dcr', 'spec-prm-discovery'],
  }),
  row({
    id: 'cimd',
    group: 'happy-path',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { registration: 'cimd' },
    expected: OK,
    refs: ['spec-cimd'],
  }),
  row({
    id: 'pre-registered',
    group: 'happy-path',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { registration: 'pre-registered' },
    expected: OK,
    refs: ['spec-preregistration'],
  }),
  // token validation
  row({
    id: 'wrong-audience',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_token_for_other_server'],
    config: {},
    expected: fail('present_token_for_other_server', 'mcp_unauthorized', {
      check: 'aud',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['spec-audience-binding'],
  }),
  row({
    id: 'expired-token',
    group: 'token-validation',
    steps: [
      ...LOGIN,
      'call_initialize',
      'wait_for_token_expiry',
      'call_with_expired_token',
    ],
    config: {},
    expected: fail('call_with_expired_token', 'mcp_unauthorized', {
      check: 'exp',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['thv-validate-claims'],
  }),
  row({
    id: 'bad-signature',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_crafted_token'],
    craft: 'bad-signature',
    config: {},
    expected: fail('present_crafted_token', 'mcp_unauthorized', {
      check: 'signature',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['thv-introspection-fallback'],
  }),
  row({
    id: 'alg-none',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_crafted_token'],
    craft: 'alg-none',
    config: {},
    expected: fail('present_crafted_token', 'mcp_unauthorized', {
      check: 'alg',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['thv-alg-kid', 'rfc8725-3.1'],
  }),
  row({
    id: 'hs256-public-key',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_crafted_token'],
    craft: 'hs256-public-key',
    config: {},
    expected: fail('present_crafted_token', 'mcp_unauthorized', {
      check: 'alg',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['thv-alg-kid', 'rfc8725-3.1'],
  }),
  row({
    id: 'missing-kid',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'present_crafted_token'],
    craft: 'missing-kid',
    config: {},
    expected: fail('present_crafted_token', 'mcp_unauthorized', {
      check: 'kid',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['thv-alg-kid'],
  }),
  row({
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
  }),
  row({
    id: 'wrong-issuer',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize'],
    config: {
      authServer: {
        issuerClaimOverride: 'https://auth.example.com/realms/partners',
      },
    },
    expected: fail('call_initialize', 'mcp_unauthorized', {
      check: 'iss',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['thv-validate-claims'],
  }),
  row({
    id: 'missing-sub',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize'],
    config: { authServer: { omitSub: true } },
    expected: fail('call_initialize', 'mcp_unauthorized', {
      check: 'sub',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['thv-sub-required', 'thv-invalid-claims'],
  }),
  row({
    id: 'opaque-introspection',
    group: 'token-validation',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: {
      authServer: { tokenFormat: 'opaque' },
      toolhive: { introspection: true },
    },
    expected: OK,
    refs: ['thv-introspection-fallback', 'rfc7662-2'],
  }),
  row({
    id: 'opaque-inactive',
    group: 'token-validation',
    steps: [...LOGIN, 'revoke_token', 'call_initialize'],
    config: {
      authServer: { tokenFormat: 'opaque' },
      toolhive: { introspection: true },
    },
    expected: fail('call_initialize', 'mcp_unauthorized', {
      check: 'introspection',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['thv-introspection-claims', 'rfc7662-2'],
  }),
  row({
    id: 'missing-header',
    group: 'token-validation',
    steps: ['call_without_token'],
    config: {},
    expected: fail('call_without_token', 'mcp_unauthorized', {
      check: 'auth-header',
      status: 401,
      error: 'invalid_request',
    }),
    refs: ['thv-invalid-request', 'rfc6750-3.1'],
  }),
  row({
    id: 'k8s-service-account',
    group: 'token-validation',
    steps: ['probe_unauthenticated', 'present_service_account_token'],
    config: { embeddedAs: true, backendMode: 'upstream-swap' },
    expected: fail('present_service_account_token', 'mcp_unauthorized', {
      check: 'jwks-key',
      status: 401,
      error: 'invalid_token',
    }),
    refs: ['thv-as-single-issuer'],
  }),
  // client and AS faults
  row({
    id: 'pkce-mismatch',
    group: 'client-as-faults',
    steps: LOGIN,
    config: { client: { pkceFault: 'wrong-verifier' } },
    expected: fail('exchange_code', 'token_error', {
      check: 'pkce-verifier',
      status: 400,
      error: 'invalid_grant',
    }),
    refs: ['rfc7636-4'],
  }),
  row({
    id: 'no-s256',
    group: 'client-as-faults',
    steps: LOGIN,
    config: { authServer: { advertiseS256: false } },
    expected: fail(
      'fetch_authorization_server_metadata',
      'pkce_not_supported',
      { check: 'pkce-s256-advertised' },
    ),
    refs: ['spec-code-protection'],
  }),
  row({
    id: 'invalid-target',
    group: 'client-as-faults',
    steps: LOGIN,
    config: {
      authServer: { allowedResources: ['https://other-mcp.example.com/mcp'] },
    },
    expected: fail('authorize', 'authorization_error', {
      check: 'resource-indicator',
      status: 302,
      error: 'invalid_target',
    }),
    refs: ['rfc8707-2'],
  }),
  row({
    id: 'state-mismatch',
    group: 'client-as-faults',
    steps: LOGIN,
    config: { authServer: { callbackStateOverride: 'attacker-chosen-state' } },
    expected: fail('authorize', 'state_mismatch', {
      check: 'callback-state',
      status: 302,
    }),
    refs: ['spec-open-redirection', 'rfc6749-10.12'],
  }),
  // Faults that only a 2026-07-28 client catches, or catches differently.
  row({
    id: 'mix-up',
    group: 'client-as-faults',
    steps: [...LOGIN, 'call_initialize'],
    config: {
      authServer: { issOverride: 'https://attacker.example.net' },
    },
    expected: OK,
    expectedUnder: {
      '2026-07-28': fail('authorize', 'iss_mismatch', {
        check: 'authorization-response-iss',
        status: 302,
      }),
    },
    refs: [
      'next-auth-response-validation',
      'next-mix-up',
      'rfc9207-2.4',
      'next-changelog',
    ],
  }),
  row({
    id: 'as-issuer-mismatch',
    group: 'client-as-faults',
    steps: LOGIN,
    config: {
      authServer: { metadataIssuerOverride: 'https://login.example.net' },
    },
    expected: fail(
      'fetch_authorization_server_metadata',
      'as_issuer_mismatch',
      {
        check: 'as-issuer',
      },
    ),
    refs: [
      'rfc8414-3.3',
      'spec-as-metadata-discovery',
      'next-as-metadata-discovery',
    ],
  }),
  row({
    id: 'credentials-other-as',
    group: 'client-as-faults',
    steps: [...LOGIN, 'call_initialize'],
    config: {
      registration: 'dcr',
      client: {
        heldCredentials: {
          issuer: 'https://old-auth.example.net',
          clientId: 'client-from-old-as',
          kind: 'dcr',
        },
      },
    },
    expected: fail('authorize', 'authorization_error', {
      check: 'client-id',
      status: 400,
      error: 'invalid_client',
    }),
    expectedUnder: { '2026-07-28': OK },
    refs: [
      'next-as-binding',
      'next-as-location',
      'next-application-type',
      'next-dcr',
    ],
  }),
  row({
    id: 'consent-denied',
    group: 'client-as-faults',
    steps: LOGIN,
    config: { authServer: { consent: 'deny' } },
    expected: fail('authorize', 'authorization_error', {
      status: 302,
      error: 'access_denied',
    }),
    refs: ['rfc6749-4.1.2.1'],
  }),
  row({
    id: 'code-reuse',
    group: 'client-as-faults',
    steps: [...LOGIN, 'redeem_code_again'],
    config: {},
    expected: fail('redeem_code_again', 'token_error', {
      check: 'code-single-use',
      status: 400,
      error: 'invalid_grant',
    }),
    refs: ['spec-code-protection'],
  }),
  // authorization
  row({
    id: 'cedar-deny',
    group: 'authorization',
    steps: FULL,
    config: { toolhive: { authz: true } },
    toolCall: { name: 'delete_records', arguments: { table: 'invoices' } },
    expected: fail('call_tool', 'mcp_forbidden', {
      check: 'cedar',
      status: 403,
    }),
    refs: ['thv-cedar-default-deny', 'thv-tool-filter', 'thv-authz-deny'],
  }),
  row({
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
  }),
  // backend authentication
  row({
    id: 'passthrough',
    group: 'backend-auth',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { backendMode: 'passthrough' },
    expected: OK,
    refs: ['thv-passthrough', 'spec-token-passthrough'],
  }),
  row({
    id: 'token-exchange',
    group: 'backend-auth',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { backendMode: 'token-exchange' },
    expected: OK,
    refs: ['rfc8693-2', 'thv-token-exchange-request'],
  }),
  row({
    id: 'upstream-swap',
    group: 'backend-auth',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { embeddedAs: true, backendMode: 'upstream-swap' },
    expected: OK,
    refs: ['thv-upstream-swap', 'thv-as-upstream-authorize'],
  }),
  row({
    id: 'strip-auth',
    group: 'backend-auth',
    steps: [...LOGIN, 'call_initialize', 'call_tool'],
    config: { backendMode: 'strip-auth' },
    expected: OK,
    refs: ['thv-strip-auth'],
  }),
] as const;

/** A scenario id: one of the catalogue's rows. */
export type ScenarioId = (typeof SCENARIOS)[number]['id'];

export type CatalogueRow = (typeof SCENARIOS)[number];

export function isScenarioId(id: string): id is ScenarioId {
  return SCENARIOS.some((s) => s.id === id);
}

export function scenarioRow(id: string): CatalogueRow | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/** What a scenario is expected to end in under a revision. */
export function expectedFor(
  scenario: ScenarioRow,
  revision: SpecRevision,
): ExpectedOutcome {
  return scenario.expectedUnder?.[revision] ?? scenario.expected;
}

export function worldConfigFor(
  scenario: ScenarioRow,
  backendModeOverride?: BackendMode,
  revisionOverride?: SpecRevision,
): WorldConfig {
  const c = scenario.config;
  return {
    embeddedAs: c.embeddedAs ?? false,
    backendMode: backendModeOverride ?? c.backendMode ?? 'passthrough',
    registration: c.registration ?? 'dcr',
    authServer: { ...c.authServer },
    toolhive: { ...c.toolhive },
    client: { ...c.client },
    user: c.user ?? DEMO_USER,
    revision: revisionOverride ?? c.revision ?? DEFAULT_REVISION,
  };
}

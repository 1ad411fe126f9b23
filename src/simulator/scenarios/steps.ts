/**
 * The step table: one row per step with its actors, diagram message,
 * references and the action it runs. The table owns the step ids: `StepId`
 * is its key set, and the teaching text (content/steps.ts) is a
 * `Record<StepId, ...>`, so a new row without text does not compile.
 *
 * Actions return a one-line outcome or throw a SimError; they never choose
 * the next step (the scenario row lists the order).
 */
import type { ActorId, DiagramRef } from '../engine/types';
import type { RefId } from '../engine/references';
import type { World } from '../world/world';
import { SimError } from '../engine/errors';
import { addDeviation } from '../engine/host';
import { craftToken } from './crafted-tokens';
import { advanceWorld } from '../world/tick';
import { decodeToken } from '../actors/jwt';
import {
  callTool,
  describeResult,
  presentToken,
  type StepInput,
} from './step-actions';

interface StepImpl {
  actors: ActorId[];
  diagram: DiagramRef;
  refs: RefId[];
  /** When the step's request is meant to be rejected, a rejection is its success. */
  expectsRejection?: boolean;
  run(world: World, scenario: StepInput): Promise<string>;
}

const authn = (message: string): DiagramRef => ({ diagram: 'authn', message });
const authz = (message: string): DiagramRef => ({ diagram: 'authz', message });

export const STEPS = {
  probe_unauthenticated: {
    actors: ['client', 'toolhive'],
    diagram: authn('probe'),
    refs: [
      'spec-prm-discovery',
      'rfc9728-5.1',
      'thv-www-authenticate',
      'thv-invalid-request',
    ],
    run: (w) => w.client.probe(),
  },
  fetch_resource_metadata: {
    actors: ['client', 'toolhive'],
    diagram: authn('prm'),
    refs: [
      'spec-prm-discovery',
      'rfc9728-3',
      'rfc9728-3.3',
      'thv-well-known',
      'thv-prm-handler',
    ],
    run: (w) => w.client.fetchResourceMetadata(),
  },
  fetch_authorization_server_metadata: {
    actors: ['client', 'authorization-server'],
    diagram: authn('as-metadata'),
    refs: [
      'spec-as-metadata-discovery',
      'rfc8414-3',
      'rfc8414-3.3',
      'spec-code-protection',
      'thv-as-discovery',
    ],
    run: (w) => w.client.fetchAuthorizationServerMetadata(),
  },
  register_client: {
    actors: ['client', 'authorization-server'],
    diagram: authn('registration'),
    refs: [
      'spec-client-registration',
      'spec-preregistration',
      'spec-cimd',
      'spec-dcr',
      'rfc7591-3',
    ],
    run: (w) => w.client.register(),
  },
  authorize: {
    actors: ['client', 'user-agent', 'authorization-server'],
    diagram: authn('authorize'),
    refs: [
      'rfc7636-4',
      'rfc8707-2',
      'spec-resource-parameter',
      'spec-open-redirection',
      'spec-scope-selection',
      'rfc6749-10.12',
    ],
    run: (w) => w.client.authorize(),
  },
  exchange_code: {
    actors: ['client', 'authorization-server'],
    diagram: authn('token-request'),
    refs: [
      'rfc7636-4',
      'rfc8707-2',
      'rfc9068-2',
      'spec-resource-parameter',
      'thv-as-resource',
    ],
    run: (w) => w.client.exchangeCode(),
  },
  redeem_code_again: {
    actors: ['client', 'authorization-server'],
    diagram: authn('token-request'),
    refs: ['spec-code-protection'],
    run: (w) => w.client.exchangeCode(),
  },
  call_initialize: {
    actors: ['client', 'toolhive', 'authorization-server', 'backend'],
    diagram: authn('bearer-request'),
    refs: [
      'spec-token-requirements',
      'spec-token-handling',
      'thv-validate-token',
      'thv-alg-kid',
      'thv-kid-lookup',
      'thv-validate-claims',
      'thv-jwks-register',
      'rfc9068-4',
    ],
    run: async (w) => {
      const outcome = await w.client.connect();
      // ToolHive v0.44 fronts 2025-11-25 servers; nothing shows it serving
      // 2026-07-28's session-less requests, so the client fell back.
      if (w.client.state.statelessTransport === false)
        addDeviation(w.ctx, 'no-2026-07-28-transport');
      return outcome;
    },
  },
  list_tools: {
    actors: ['client', 'toolhive', 'backend'],
    diagram: authz('list'),
    refs: ['thv-authz-methods', 'thv-tool-filter'],
    run: async (w) =>
      `200 ${describeResult((await w.client.rpc('tools/list')).result)}`,
  },
  call_tool: {
    actors: ['client', 'toolhive', 'backend'],
    diagram: authz('call'),
    refs: [
      'thv-cedar-principal',
      'thv-cedar-default-deny',
      'thv-authz-deny',
      'thv-middleware-order',
      'spec-token-passthrough',
    ],
    run: (w, s) => callTool(w, s, false),
  },
  step_up_authorize: {
    actors: ['client', 'user-agent', 'authorization-server'],
    diagram: authn('authorize'),
    refs: ['spec-step-up', 'spec-insufficient-scope', 'spec-scope-selection'],
    run: (w) => w.client.stepUp(),
  },
  step_up_exchange_code: {
    actors: ['client', 'authorization-server'],
    diagram: authn('token-request'),
    refs: ['spec-step-up'],
    run: (w) => w.client.exchangeCode(),
  },
  retry_tool_call: {
    actors: ['client', 'toolhive', 'backend'],
    diagram: authz('call'),
    refs: ['spec-step-up'],
    run: (w, s) => callTool(w, s, true),
  },
  call_without_token: {
    actors: ['client', 'toolhive'],
    diagram: authn('probe'),
    refs: ['thv-invalid-request', 'rfc6750-3.1', 'thv-oauth-error-body'],
    run: async (w) =>
      `HTTP ${(await w.client.rpc('tools/list', undefined, null)).status}`,
  },
  present_crafted_token: {
    actors: ['client', 'toolhive'],
    diagram: authn('invalid-token'),
    refs: [
      'thv-validate-token',
      'thv-introspection-fallback',
      'thv-alg-kid',
      'rfc8725-3.1',
      'thv-invalid-token',
    ],
    run: async (w, s) =>
      presentToken(w, await craftToken(w, s.craft ?? 'bad-signature')),
  },
  present_token_for_other_server: {
    actors: ['client', 'toolhive'],
    diagram: authn('invalid-token'),
    refs: [
      'spec-audience-binding',
      'spec-privilege-restriction',
      'thv-validate-claims',
      'rfc8707-2',
    ],
    run: async (w) => presentToken(w, await craftToken(w, 'other-audience')),
  },
  present_service_account_token: {
    actors: ['client', 'toolhive', 'authorization-server'],
    diagram: authn('invalid-token'),
    refs: ['thv-as-single-issuer', 'thv-kid-lookup', 'thv-validate-claims'],
    run: async (w) =>
      presentToken(w, await craftToken(w, 'kubernetes-service-account')),
  },
  wait_for_token_expiry: {
    actors: [],
    diagram: authn('validation'),
    refs: ['rfc7519-4.1.4', 'thv-validate-claims'],
    run: async (w) => {
      const exp = decodeToken(w.client.state.accessToken ?? '', 'access-token')
        .claims?.exp;
      const seconds =
        typeof exp === 'number' ? exp - w.clock.epochSeconds() + 1 : 3601;
      await advanceWorld(w, seconds);
      return `clock advanced ${seconds} s to ${w.clock.iso()}`;
    },
  },
  call_with_expired_token: {
    actors: ['client', 'toolhive'],
    diagram: authn('invalid-token'),
    refs: [
      'thv-validate-claims',
      'thv-introspection-fallback',
      'rfc7519-4.1.4',
    ],
    run: async (w) => `HTTP ${(await w.client.rpc('tools/list')).status}`,
  },
  rotate_signing_key: {
    actors: ['authorization-server'],
    diagram: authn('token-response'),
    refs: ['thv-kid-lookup', 'thv-jwks-register'],
    run: async (w) => {
      w.as.rotateSigningKey('asRotated');
      return `the authorization server now signs with ${w.as.signingKey === 'asRotated' ? 'the new key' : 'the old key'}`;
    },
  },
  refresh_access_token: {
    actors: ['client', 'authorization-server'],
    diagram: authn('token-request'),
    refs: ['rfc9068-2'],
    run: (w) => w.client.refresh(),
  },
  call_with_rotated_key: {
    actors: ['client', 'toolhive'],
    diagram: authn('invalid-token'),
    refs: ['thv-kid-lookup', 'thv-jwks-register'],
    expectsRejection: true,
    run: async (w) => {
      try {
        const r = await w.client.rpc('tools/list');
        return `HTTP ${r.status}: accepted (the cache already had the new key)`;
      } catch (e) {
        if (e instanceof SimError && e.code === 'mcp_unauthorized')
          return `401 ${e.message} (expected until the JWKS refresh)`;
        throw e;
      }
    },
  },
  wait_for_jwks_refresh: {
    actors: ['toolhive', 'authorization-server'],
    diagram: authn('validation'),
    refs: ['thv-jwks-register'],
    run: async (w) => {
      const next = w.toolhive.validator.cache.nextRefreshAt;
      const seconds =
        next === null
          ? 900
          : Math.max(0, Math.ceil((next - w.clock.now()) / 1000));
      await advanceWorld(w, seconds);
      return `clock advanced ${seconds} s; JWKS fetched ${w.toolhive.validator.cache.fetchCount} times so far`;
    },
  },
  retry_with_rotated_key: {
    actors: ['client', 'toolhive', 'backend'],
    diagram: authn('success'),
    refs: ['thv-kid-lookup'],
    run: async (w) =>
      `200 ${describeResult((await w.client.rpc('tools/list')).result)}`,
  },
  revoke_token: {
    actors: ['client', 'authorization-server'],
    diagram: authn('token-request'),
    refs: ['rfc7009-2', 'rfc7662-2'],
    run: async (w) => {
      const endpoint = w.as.endpoint('revoke');
      const token = w.client.state.accessToken;
      if (!endpoint || !token)
        throw new SimError('missing_prerequisite', 'nothing to revoke');
      const res = await w.send(
        new Request(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            token,
            token_type_hint: 'access_token',
            client_id: w.client.state.clientId ?? '',
          }).toString(),
        }),
      );
      return `HTTP ${res.status}: token revoked`;
    },
  },
} satisfies Record<string, StepImpl>;

/** A step id: a key of the step table. */
export type StepId = keyof typeof STEPS;

export function isStepId(id: string): id is StepId {
  return Object.prototype.hasOwnProperty.call(STEPS, id);
}

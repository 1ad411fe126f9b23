import type { DeviationId } from '../engine/types';
import type { RefId } from '../engine/references';

export interface Deviation {
  id: DeviationId;
  title: string;
  /** One or two sentences: what ToolHive v0.44 does and what the spec or RFC says. */
  detail: string;
  refId: RefId;
  /** The spec or RFC passage it departs from. */
  specRefId: RefId;
}

/** Where ToolHive v0.44 departs from the MCP spec or an RFC. Data for UI labels. */
export const DEVIATIONS: Readonly<Record<DeviationId, Deviation>> = {
  'invalid-request-without-credentials': {
    id: 'invalid-request-without-credentials',
    title: 'Error code on a request without credentials',
    detail:
      'ToolHive answers a request with no Authorization header with error="invalid_request". RFC 6750 says a server should not include an error code when the request carried no credentials.',
    refId: 'thv-invalid-request',
    specRefId: 'rfc6750-3.1',
  },
  'passthrough-by-default': {
    id: 'passthrough-by-default',
    title: 'Client token forwarded to the backend',
    detail:
      "With no token exchange, upstream swap or strip-auth configured, ToolHive's proxy forwards the client's Authorization header to the backend. The spec says a server must not pass the client's token through to upstream APIs.",
    refId: 'thv-passthrough',
    specRefId: 'spec-token-passthrough',
  },
  'authz-403-without-challenge': {
    id: 'authz-403-without-challenge',
    title: 'Authorization denial without a challenge',
    detail:
      'A Cedar denial is a 403 with a JSON-RPC body and no WWW-Authenticate header, so a client cannot learn which scopes would help.',
    refId: 'thv-authz-deny',
    specRefId: 'spec-insufficient-scope',
  },
  'no-insufficient-scope': {
    id: 'no-insufficient-scope',
    title: 'No insufficient_scope challenge',
    detail:
      'ToolHive defines insufficient_scope but never sends it and never compares token scopes with required scopes. The step-up flow shown here is spec behaviour, not ToolHive v0.44 behaviour.',
    refId: 'thv-invalid-token',
    specRefId: 'spec-step-up',
  },
  'audience-optional-on-cli': {
    id: 'audience-optional-on-cli',
    title: 'Audience check is optional on the CLI',
    detail:
      'When no audience is configured, ToolHive does not check aud at all. The spec requires the server to check that the token was issued for it.',
    refId: 'thv-validate-claims',
    specRefId: 'spec-token-handling',
  },
  'no-2026-07-28-transport': {
    id: 'no-2026-07-28-transport',
    title: 'No 2026-07-28 transport',
    detail:
      "ToolHive v0.44 implements revision 2025-11-25: nothing in its source shows it serving 2026-07-28's requests without initialize or session, so a 2026-07-28 client falls back to the old handshake when server/discover is unknown. ToolHive's authorization does let server/discover through.",
    refId: 'thv-authz-methods',
    specRefId: 'next-changelog',
  },
  'jsonrpc-error-code-403': {
    id: 'jsonrpc-error-code-403',
    title: 'Non-standard JSON-RPC error code',
    detail:
      'The denial body uses JSON-RPC error code 403, which is outside the -32xxx range JSON-RPC reserves for protocol errors.',
    refId: 'thv-authz-deny',
    specRefId: 'spec-error-handling',
  },
};

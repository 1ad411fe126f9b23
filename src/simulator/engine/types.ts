/**
 * The simulator's public data model. Framework-free: no React, no DOM.
 *
 * Data flows one way: a step runs, its client makes HTTP calls through a
 * transport, MSW handlers route them to actors, each exchange is recorded,
 * and the UI renders the records. Everything here is plain serialisable data
 * so a transcript can be compared byte for byte between runs.
 */

/** Who answers (or sends) an HTTP exchange. */
export type ActorId =
  | 'client'
  | 'user-agent'
  | 'toolhive'
  | 'authorization-server'
  | 'idp'
  | 'backend'
  | 'other-mcp'
  | 'client-metadata-host';

/** Ordered header list, names lower-cased, as they went over the wire. */
export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: HeaderList;
  /** Body as text, or null when there was none. */
  body: string | null;
}

export interface RecordedResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  body: string | null;
}

/** One HTTP request and its response, recorded by the MSW layer. */
export interface Exchange {
  /** Stable within a run: `x1`, `x2`, ... in the order they happened. */
  id: string;
  /**
   * The step that made the request: a step id from the step table, or a
   * pseudo step the engine core cannot name (`clock`, `validate-token`, or
   * `http-N` for one request to the local mock server).
   */
  stepId: string;
  /** The actor whose handler answered. */
  actor: ActorId;
  /** Simulated time (ISO 8601, UTC) when the request was answered. */
  at: string;
  request: RecordedRequest;
  response: RecordedResponse;
}

export type CheckStatus = 'pass' | 'fail' | 'skip';

/**
 * Named checks. The validation ones follow ToolHive v0.44's order in
 * `ValidateToken` (pkg/auth/token.go): header, parse, then either
 * introspection (malformed tokens only) or alg, kid, key, signature, claims.
 */
export type CheckId =
  // ToolHive resource-server checks
  | 'auth-header'
  | 'oidc-discovery'
  | 'jwt-parse'
  | 'introspection'
  | 'alg'
  | 'kid'
  | 'jwks-key'
  | 'signature'
  | 'exp'
  | 'nbf'
  | 'iss'
  | 'aud'
  | 'sub'
  | 'cedar'
  // client-side checks (spec requirements on the MCP client)
  | 'prm-resource'
  | 'as-issuer'
  | 'pkce-s256-advertised'
  | 'callback-state'
  | 'authorization-response-iss'
  | 'client-credentials-issuer'
  // authorization-server checks
  | 'client-id'
  | 'redirect-uri'
  | 'pkce-challenge'
  | 'resource-indicator'
  | 'code-single-use'
  | 'pkce-verifier';

export interface CheckVerdict {
  id: CheckId;
  status: CheckStatus;
  /** One line: why it passed, failed or was skipped. */
  detail: string;
  /** For a failed check: what the checker wanted, in reader's words. */
  expected?: string;
  /** For a failed check: what it found instead. */
  actual?: string;
  /** For a Cedar decision: ids of the policies that decided it. */
  matched?: string[];
}

/** A JWT split into its parts for display. `null` parts failed to decode. */
export interface DecodedToken {
  raw: string;
  header: Record<string, unknown> | null;
  claims: Record<string, unknown> | null;
  /** Where the token was seen: issued by the AS, sent to ToolHive, forwarded. */
  role: 'access-token' | 'exchanged-token' | 'upstream-token' | 'pasted';
}

/** Places where ToolHive v0.44 differs from the MCP spec or an RFC. */
export type DeviationId =
  | 'invalid-request-without-credentials'
  | 'passthrough-by-default'
  | 'authz-403-without-challenge'
  | 'no-insufficient-scope'
  | 'audience-optional-on-cli'
  | 'jsonrpc-error-code-403'
  | 'no-2026-07-28-transport';

/**
 * The MCP specification revisions the simulator can follow. 2025-11-25 is
 * what ToolHive v0.44 and most deployed clients implement; 2026-07-28 is the
 * latest. The revision changes the client and the spec-following
 * authorization server, never ToolHive.
 */
export const SPEC_REVISIONS = ['2025-11-25', '2026-07-28'] as const;
export type SpecRevision = (typeof SPEC_REVISIONS)[number];
export const DEFAULT_REVISION: SpecRevision = '2025-11-25';

export function isSpecRevision(value: unknown): value is SpecRevision {
  return SPEC_REVISIONS.includes(value as SpecRevision);
}

/** Something that happened because simulated time passed. */
export interface ClockEvent {
  at: string;
  kind: 'jwks-refresh' | 'token-expired' | 'clock-advanced';
  detail: string;
}

/** How ToolHive authenticates to the backend MCP server: the one list. */
export const BACKEND_MODES = [
  'passthrough',
  'token-exchange',
  'upstream-swap',
  'strip-auth',
] as const;
export type BackendMode = (typeof BACKEND_MODES)[number];

type DiagramId = 'authn' | 'authz';

export interface DiagramRef {
  diagram: DiagramId;
  /** Id of a message in AUTHN_DIAGRAM_MESSAGES or AUTHZ_DIAGRAM_MESSAGES. */
  message: string;
}

export interface DiagramMessage {
  id: string;
  from: string;
  to: string;
  text: string;
  /** Opens an alt block (or its else branch) before this message. */
  branch?: { kind: 'alt' | 'else'; label: string };
  /** Closes the open alt block after this message. */
  endBranch?: boolean;
  /** Dashed reply arrow. */
  reply?: boolean;
}

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
  /** The step that made the request. */
  stepId: StepId;
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
  | 'jsonrpc-error-code-403';

export type StepId = string;
export type ScenarioId = string;

export type StepStatus = 'pending' | 'current' | 'done' | 'failed';

/** What a step did when it ran. One step = one record. */
export interface StepRecord {
  stepId: StepId;
  index: number;
  status: 'done' | 'failed';
  /** Machine-readable result, for example `401 invalid_token` or `code issued`. */
  outcome: string;
  exchanges: Exchange[];
  checks: CheckVerdict[];
  tokens: DecodedToken[];
  deviations: DeviationId[];
  /** Simulated time when the step started and ended. */
  startedAt: string;
  endedAt: string;
  /** Set when the step failed: a stable code and the error text. */
  error?: {
    code: string;
    message: string;
    /** HTTP status of the exchange that failed, when there was one. */
    status?: number;
    /** OAuth / RFC 6750 error code from that response, for example `invalid_token`. */
    oauthError?: string;
    /** The first check that failed in this step, when one did. */
    check?: CheckId;
  };
  /** Events caused by moving the simulated clock during this step (for example a JWKS refresh). */
  clockEvents?: ClockEvent[];
}

/** Something that happened because simulated time passed. */
export interface ClockEvent {
  at: string;
  kind: 'jwks-refresh' | 'token-expired' | 'clock-advanced';
  detail: string;
}

/** The whole run of a scenario so far. One scenario = one record. */
export interface Transcript {
  scenarioId: ScenarioId;
  records: StepRecord[];
  finished: boolean;
  /** `success` when every step passed, otherwise `failure`. */
  outcome: 'success' | 'failure' | 'running';
  /** Simulated time at the end of the transcript. */
  clock: string;
  /** Clock moves requested from outside the steps (`advanceClock`), in order. */
  clockEvents: ClockEvent[];
}

// ---------------------------------------------------------------------------
// Scenario, step and diagram model (added by the engine).

export type ScenarioGroup =
  | 'happy-path'
  | 'token-validation'
  | 'client-as-faults'
  | 'authorization'
  | 'backend-auth';

/** How ToolHive authenticates to the backend MCP server. */
export type BackendMode =
  'passthrough' | 'token-exchange' | 'upstream-swap' | 'strip-auth';

export interface ExpectedOutcome {
  result: 'success' | 'failure';
  failedStepId?: StepId;
  failedCheck?: CheckId;
  status?: number;
  error?: string;
}

export type DiagramId = 'authn' | 'authz';

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

/**
 * What every part of the client shares: its options, its state, the host it
 * runs in (the simulator's world, or the command line with real random
 * values) and small helpers for turning failed answers into SimErrors.
 */
import type { AuthorizationServer as AsMetadata } from 'oauth4webapi';
import { SimError, type SimErrorInit } from '../../engine/errors';
import type { StepContext } from '../../engine/host';
import type { CheckId, SpecRevision } from '../../engine/types';
import type { Challenge } from './challenge';

export const MCP_PROTOCOL_VERSION = '2025-11-25';

/**
 * The reserved `_meta` keys a 2026-07-28 request carries instead of the
 * initialize handshake (spec changelog, major changes). The key names are
 * the ones public 2026-07-28 implementations use.
 */
export const META_KEYS = {
  protocolVersion: 'io.modelcontextprotocol/protocolVersion',
  clientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  clientInfo: 'io.modelcontextprotocol/clientInfo',
} as const;

/** How the client authenticates at the token endpoint (RFC 6749 §2.3, RFC 7591 §2). */
export type TokenEndpointAuthMethod =
  'none' | 'client_secret_basic' | 'client_secret_post';

/**
 * Client credentials the client already holds, with the issuer of the
 * authorization server that issued them (2026-07-28 keys them by issuer).
 */
interface HeldCredentials {
  issuer: string;
  clientId: string;
  clientSecret?: string | null;
  /** How they were obtained: pre-registration, or an earlier DCR call. */
  kind: 'pre-registered' | 'dcr';
}

export interface ClientOptions {
  /** The MCP spec revision this client follows. */
  revision: SpecRevision;
  mcpUrl: string;
  redirectUri: string;
  clientName: string;
  /** Client ID metadata document URL the client can use as its client_id. */
  cimdUrl: string;
  /** Supports CIMD at all (the spec says SHOULD). */
  supportsCimd: boolean;
  /** Client id this client already holds for the AS (pre-registration), or null. */
  preRegisteredClientId: string | null;
  /** The secret that goes with the pre-registered client id, if it has one. */
  preRegisteredClientSecret?: string | null;
  /**
   * Credentials persisted from an earlier session, keyed by issuer. Under
   * 2025-11-25 the client reuses them whatever AS PRM names; under
   * 2026-07-28 only with the AS whose issuer they were issued by.
   */
  heldCredentials?: HeldCredentials | null;
  /** pkce-mismatch knob: send a verifier that does not match the challenge. */
  pkceFault: 'none' | 'wrong-verifier';
  /** How many step-up attempts per operation before giving up. */
  maxStepUp: number;
  /**
   * Plays the user when the authorization endpoint answers with a page
   * instead of a redirect: given the authorization URL, resolves with the
   * URL the browser was sent back to. Without it such an answer is an error
   * (the simulator's authorization server always redirects).
   */
  userAgent?: (authorizationUrl: string) => Promise<string>;
}

export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers?: string[];
  scopes_supported?: string[];
}

export interface ClientState {
  /** HTTP status of the unauthenticated probe, once sent. */
  probeStatus: number | null;
  challenge: Challenge | null;
  prmUrl: string | null;
  prm: ProtectedResourceMetadata | null;
  as: AsMetadata | null;
  clientId: string | null;
  clientSecret: string | null;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  registration: 'pre-registered' | 'cimd' | 'dcr' | null;
  scope: string | null;
  verifier: string | null;
  state: string | null;
  /**
   * The issuer from the validated AS metadata, recorded with the PKCE
   * verifier and state before the redirect (2026-07-28 only).
   */
  expectedIssuer: string | null;
  code: string | null;
  accessToken: string | null;
  refreshToken: string | null;
  sessionId: string | null;
  /** Protocol version the server agreed to in its initialize result. */
  protocolVersion: string | null;
  /**
   * 2026-07-28 only: true once `server/discover` showed the server speaks
   * 2026-07-28 (no session, `_meta` on every request), false once it showed
   * an older server and the client fell back to initialize; null before.
   */
  statelessTransport: boolean | null;
  /** Scope the server asked for in a 403 insufficient_scope challenge. */
  stepUpScope: string | null;
  stepUpAttempts: number;
  rpcId: number;
  lastResult: unknown;
}

export function initialState(): ClientState {
  return {
    probeStatus: null,
    challenge: null,
    prmUrl: null,
    prm: null,
    as: null,
    clientId: null,
    clientSecret: null,
    tokenEndpointAuthMethod: 'none',
    registration: null,
    scope: null,
    verifier: null,
    state: null,
    expectedIssuer: null,
    code: null,
    accessToken: null,
    refreshToken: null,
    sessionId: null,
    protocolVersion: null,
    statelessTransport: null,
    stepUpScope: null,
    stepUpAttempts: 0,
    rpcId: 0,
    lastResult: null,
  };
}

/**
 * What the client needs from where it runs: the current step's scratch pad
 * (checks and tokens) and a source of random-looking values. The simulator's
 * world is one (seeded ids); the command line is another (real randomness).
 */
export interface ClientHost {
  readonly ctx: StepContext;
  readonly ids: { token(label: string, byteLength?: number): string };
}

export type Send = (request: Request) => Promise<Response>;

/** Everything a part of the client closes over. */
export interface ClientCore {
  host: ClientHost;
  o: ClientOptions;
  s: ClientState;
  send: Send;
}

export function need<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined)
    throw new SimError('missing_prerequisite', `the client has no ${what} yet`);
  return value;
}

/** `{ check }` for the first failed check in this step, or nothing. */
export function failedCheck(host: ClientHost): { check?: CheckId } {
  const check = host.ctx.checks.find((c) => c.status === 'fail')?.id;
  return check ? { check } : {};
}

/** An OAuth error body (RFC 6749 §5.2), as far as the client reads it. */
export interface OAuthErrorBody {
  error?: unknown;
  error_description?: unknown;
}

/** `error_description` from an OAuth error body, when it is a string. */
export function errorDescription(
  body: OAuthErrorBody | undefined,
): string | undefined {
  return typeof body?.error_description === 'string'
    ? body.error_description
    : undefined;
}

/** The status and the OAuth `error` code of a failed endpoint answer. */
export function oauthFailure(
  res: Response,
  body: OAuthErrorBody | undefined,
): SimErrorInit {
  return {
    status: res.status,
    ...(typeof body?.error === 'string' ? { oauthError: body.error } : {}),
  };
}

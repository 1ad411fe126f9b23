/**
 * Reader-facing names for the engine's ids, keyed by the id types so a new
 * check, actor or backend mode without a name does not compile.
 */
import type { ActorId, BackendMode, CheckId } from '../engine/types';

export const CHECK_LABELS: Readonly<Record<CheckId, string>> = {
  'auth-header': 'Authorization header',
  'oidc-discovery': 'Issuer discovery (OpenID Connect)',
  'jwt-parse': 'Parses as a JWT',
  introspection: 'Introspection (not a JWT)',
  alg: 'Algorithm allowed',
  kid: 'Key ID (kid) present',
  'jwks-key': 'Signing key found in the cached key set',
  signature: 'Signature',
  exp: 'Not expired (exp)',
  nbf: 'Already valid (nbf)',
  iss: 'Issuer (iss)',
  aud: 'Audience (aud)',
  sub: 'Subject (sub)',
  cedar: 'Cedar policy decision',
  'prm-resource': 'Resource in the protected resource metadata matches',
  'as-issuer': 'Authorization server issuer matches',
  'pkce-s256-advertised': 'S256 advertised',
  'callback-state': 'Callback state',
  'authorization-response-iss': 'Response issuer (iss)',
  'client-credentials-issuer': 'Credentials bound to this authorization server',
  'client-id': 'Client known',
  'redirect-uri': 'Redirect URI exact',
  'pkce-challenge': 'PKCE challenge (S256)',
  'resource-indicator': 'Resource allowed',
  'code-single-use': 'Code unused',
  'pkce-verifier': 'PKCE verifier',
};

export const ACTOR_LABELS: Readonly<Record<ActorId, string>> = {
  client: 'MCP client',
  'user-agent': 'Browser',
  toolhive: 'ToolHive',
  'authorization-server': 'Authorization server',
  idp: 'Upstream identity provider',
  backend: 'Backend MCP server',
  'other-mcp': 'Other MCP server',
  'client-metadata-host': 'Client metadata host',
};

export const BACKEND_MODE_LABELS: Readonly<Record<BackendMode, string>> = {
  passthrough: 'Passthrough (forward the client token)',
  'token-exchange': 'Token exchange (RFC 8693)',
  'upstream-swap': 'Upstream token swap (embedded AS)',
  'strip-auth': 'Strip Authorization',
};

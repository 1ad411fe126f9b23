/** Title and one-line description for each scenario, keyed by scenario id. */
import type { ScenarioId } from '../scenarios/scenarios';

export interface ScenarioContent {
  title: string;
  description: string;
}

export const SCENARIO_CONTENT: Readonly<Record<ScenarioId, ScenarioContent>> = {
  'happy-path': {
    title: 'Happy path with dynamic registration',
    description:
      'Your client discovers everything from a 401, registers through dynamic client registration (DCR), gets a token for the MCP server and calls a tool.',
  },
  cimd: {
    title: 'Client ID metadata document',
    description:
      'The authorization server supports client ID metadata documents (CIMD), so your client uses its metadata document URL as its client ID.',
  },
  'pre-registered': {
    title: 'Pre-registered client',
    description:
      'Your client already has a client ID for this authorization server and skips registration.',
  },
  'wrong-audience': {
    title: 'Token for another server',
    description:
      'A valid token issued for a different MCP server is replayed and rejected on its audience.',
  },
  'expired-token': {
    title: 'Expired token',
    description:
      'The clock passes exp and the token is rejected with no leeway and no introspection.',
  },
  'bad-signature': {
    title: 'Bad signature',
    description:
      'A token with a changed signature is rejected and never introspected.',
  },
  'alg-none': {
    title: 'alg: none',
    description:
      'An unsigned token is rejected because only RS and ES algorithms are accepted.',
  },
  'hs256-public-key': {
    title: 'HS256 signed with the public key',
    description:
      'The classic key confusion attack fails because HMAC algorithms are never accepted.',
  },
  'missing-kid': {
    title: 'Missing kid',
    description:
      'A correctly signed token without a key ID is rejected, because ToolHive requires kid.',
  },
  'key-rotation': {
    title: 'Key rotation',
    description:
      'A token signed with a new key is rejected until the JWKS cache refreshes, then accepted.',
  },
  'wrong-issuer': {
    title: 'Wrong issuer',
    description:
      'A token from another realm signed with a shared key fails the exact issuer check.',
  },
  'missing-sub': {
    title: 'Missing sub',
    description:
      'A valid token without a subject passes validation but cannot become an identity.',
  },
  'opaque-introspection': {
    title: 'Opaque token, introspected',
    description:
      'A token that is not a JWT goes to RFC 7662 introspection and is accepted when active.',
  },
  'opaque-inactive': {
    title: 'Opaque token, inactive',
    description:
      'A revoked opaque token is reported inactive by introspection and rejected.',
  },
  'missing-header': {
    title: 'Missing Authorization header',
    description:
      'A request without credentials gets 401 with error="invalid_request".',
  },
  'pkce-mismatch': {
    title: 'PKCE verifier mismatch',
    description:
      'The token request carries a verifier that does not hash to the challenge, so the code is refused.',
  },
  'no-s256': {
    title: 'Authorization server without S256',
    description:
      'The metadata does not advertise PKCE S256, so your client refuses to continue.',
  },
  'invalid-target': {
    title: 'Resource not allowed',
    description:
      'The authorization server does not issue tokens for this MCP server and answers invalid_target.',
  },
  'state-mismatch': {
    title: 'State mismatch',
    description:
      'The callback carries a state your client did not send, so it aborts.',
  },
  'mix-up': {
    title: 'Mix-up: the response names another issuer',
    description:
      'The authorization response carries an iss naming a server other than the one your client started with. A 2026-07-28 client compares iss with the issuer it recorded and stops before the code goes anywhere; a 2025-11-25 client ignores iss and redeems the code, which in a real mix-up sends it to the wrong token endpoint.',
  },
  'as-issuer-mismatch': {
    title: 'Metadata issuer does not match',
    description:
      'The authorization server metadata names an issuer other than the one the well-known URL was built from. RFC 8414 already forbids using such a document, so your client stops under both revisions; 2026-07-28 only writes the rule into the MCP spec.',
  },
  'credentials-other-as': {
    title: 'Credentials from another authorization server',
    description:
      'Your client kept a client ID from an earlier registration with a different authorization server. A 2025-11-25 client offers it here and the server rejects it; a 2026-07-28 client keys credentials by issuer, does not reuse them, and registers again.',
  },
  'cedar-deny': {
    title: 'Cedar deny and tools/list filtering',
    description:
      'Cedar hides a tool you may not call and denies the call with a 403 JSON-RPC error.',
  },
  'step-up': {
    title: 'Step-up on insufficient_scope',
    description:
      'Spec behaviour that ToolHive v0.44 does not send: a 403 insufficient_scope and a second authorization with more scope.',
  },
  passthrough: {
    title: 'Token passthrough',
    description:
      "ToolHive's default forwards your token to the backend, which the spec forbids.",
  },
  'token-exchange': {
    title: 'Token exchange',
    description:
      'ToolHive swaps your token for one meant for the backend (RFC 8693) before forwarding.',
  },
  'upstream-swap': {
    title: 'Embedded authorization server with upstream swap',
    description:
      'ToolHive runs the authorization server, logs you in at an upstream IdP and forwards the IdP token to the backend.',
  },
  'strip-auth': {
    title: 'Strip the Authorization header',
    description:
      'ToolHive removes your token before forwarding, so the backend sees no credentials.',
  },
  'k8s-service-account': {
    title: 'Kubernetes service account token',
    description:
      'A service account token is rejected by a server that uses the embedded authorization server.',
  },
  'consent-denied': {
    title: 'Consent denied',
    description:
      'The user refuses consent, so the authorization server redirects back with access_denied and no code.',
  },
  'code-reuse': {
    title: 'Authorization code reuse',
    description:
      'A second redemption of the same code is refused with invalid_grant.',
  },
};

/**
 * Words for a step's outcome, specific to the scenario being shown: who
 * decided, why, and what the scenario teaches. A failing step of a failure
 * scenario shows these instead of the step's happy-path summary, so the text
 * on screen is always true for the run. The engine never reads these strings.
 */
import type { SpecRevision } from '../engine/types';

/** Who made the decision a step's result shows. */
export type Decider =
  | 'toolhive-validator'
  | 'toolhive-authorizer'
  | 'authorization-server'
  | 'client';

export const DECIDER_NAMES: Readonly<Record<Decider, string>> = {
  'toolhive-validator': "ToolHive's token validator",
  'toolhive-authorizer': "ToolHive's Cedar authorizer",
  'authorization-server': 'The authorization server',
  client: 'Your MCP client',
};

export interface FailureContent {
  /** Who refused. */
  decider: Decider;
  /** Whether the backend MCP server saw the rejected request. */
  backendCalled: boolean;
  /** What happened in the failing step and why: replaces the step summary. */
  why: string;
  /** The scenario's verdict: why this rejection is the right answer. */
  verdict: string;
}

/** Every scenario whose expected outcome is a failure, keyed by scenario id. */
const FAILURE_CONTENT = {
  'wrong-audience': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: 'The token is genuine: the same authorization server signed it, and its signature, expiry and issuer all pass. But its aud claim names another MCP server, and ToolHive accepts only tokens whose aud contains its own resource URL.',
    verdict:
      'Audience binding works: a token stolen from, or leaked by, another server cannot be replayed here.',
  },
  'expired-token': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: 'The clock is now past the token exp claim. ToolHive allows no clock skew, so the token is rejected one second after it expires, before any other claim is looked at.',
    verdict:
      'Expired tokens are refused with 401 invalid_token; your client should refresh the token and retry.',
  },
  'bad-signature': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: "One character of the token's signature was changed, so the signature no longer verifies with the authorization server's published key. ToolHive stops at the signature check.",
    verdict:
      'Tampering is detected: a changed token is never accepted and never sent to introspection.',
  },
  'alg-none': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: 'The token header says alg "none", so it carries no signature at all. ToolHive accepts only RSA and ECDSA signatures and rejects the token at the algorithm check.',
    verdict: 'Unsigned tokens are refused before any key is looked up.',
  },
  'hs256-public-key': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: "The attacker signed the token with HMAC, using the authorization server's public key as the shared secret. ToolHive never accepts HMAC algorithms, so the trick fails at the algorithm check.",
    verdict: 'The key confusion attack fails.',
  },
  'missing-kid': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: 'The token is signed correctly, but its header has no kid (key ID). ToolHive needs the kid to pick a key from the key set, so it rejects the token.',
    verdict:
      'Your authorization server must put a kid in every token header for ToolHive to accept it.',
  },
  'wrong-issuer': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: 'The token verifies with a trusted key, but its iss claim names another realm. ToolHive compares iss with the one issuer it is configured for, character for character.',
    verdict:
      'Tokens from an issuer ToolHive is not configured for are refused.',
  },
  'missing-sub': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: 'Every other check passes, but the token has no sub claim. ToolHive builds the caller identity from sub, so without it the request is rejected.',
    verdict: 'A token must name its subject to be accepted.',
  },
  'opaque-inactive': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: 'The token is not a JWT, so ToolHive asks the authorization server about it (RFC 7662 introspection). The token was revoked, so the answer is active: false and ToolHive rejects it.',
    verdict: 'Revocation takes effect at once for introspected tokens.',
  },
  'missing-header': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: 'The request has no Authorization header. ToolHive answers 401 with a challenge that points to its protected resource metadata, and uses the error code invalid_request.',
    verdict: 'A request without a token is refused and told where to get one.',
  },
  'k8s-service-account': {
    decider: 'toolhive-validator',
    backendCalled: false,
    why: "The service account token is signed by the Kubernetes cluster's own key. With the embedded authorization server, ToolHive trusts only that server's keys, so it finds no key with the token's kid.",
    verdict:
      'With the embedded authorization server, workloads must get tokens from it, not present Kubernetes tokens directly.',
  },
  'pkce-mismatch': {
    decider: 'authorization-server',
    backendCalled: false,
    why: 'Your client posts a code_verifier that does not hash to the code_challenge it sent when it asked for the code. The authorization server refuses the code with invalid_grant and issues no token.',
    verdict:
      'PKCE works: whoever intercepts the code cannot redeem it without the verifier.',
  },
  'no-s256': {
    decider: 'client',
    backendCalled: false,
    why: 'The authorization server metadata does not list S256 in code_challenge_methods_supported. The MCP spec tells your client to refuse to continue, so it stops before registering.',
    verdict:
      'Your client will not log in through a server that cannot protect the code with PKCE S256.',
  },
  'invalid-target': {
    decider: 'authorization-server',
    backendCalled: false,
    why: 'Your client asks for a token for this MCP server with the resource parameter, but the authorization server does not issue tokens for it. It redirects back with error=invalid_target and no code.',
    verdict:
      'The authorization server controls which servers it issues tokens for.',
  },
  'state-mismatch': {
    decider: 'client',
    backendCalled: false,
    why: 'The redirect back to your client carries a state value it did not send. Your client treats the callback as forged and discards the code.',
    verdict: 'Checking state defeats a forged or replayed callback.',
  },
  'consent-denied': {
    decider: 'authorization-server',
    backendCalled: false,
    why: 'The user refuses consent. The authorization server redirects back with error=access_denied and no code, so there is nothing to exchange.',
    verdict: 'Without consent there is no code and no token.',
  },
  'code-reuse': {
    decider: 'authorization-server',
    backendCalled: false,
    why: 'Your client redeems a code that was already exchanged. The authorization server refuses it with invalid_grant and revokes the tokens issued from that code.',
    verdict:
      'A code works once; a replayed code also cancels the first tokens.',
  },
  'cedar-deny': {
    decider: 'toolhive-authorizer',
    backendCalled: false,
    why: "The token is valid, so authentication passes. ToolHive's authorizer then asks Cedar whether this caller may call delete_records. The only permit for that tool needs the admin role in the token's roles claim, which this token does not have, so Cedar denies by default. ToolHive answers 403 itself; the backend MCP server never sees the call.",
    verdict:
      'Authorization is separate from authentication: a valid token is not enough for a tool your policy does not permit.',
  },
  'as-issuer-mismatch': {
    decider: 'client',
    backendCalled: false,
    why: 'The authorization server metadata names an issuer other than the one your client built the well-known URL from. RFC 8414 says a client must not use such a document, so your client stops before it registers or sends anyone to sign in.',
    verdict:
      'A client only talks to the authorization server the protected resource metadata named; metadata that claims another identity is not used.',
  },
  'credentials-other-as': {
    decider: 'authorization-server',
    backendCalled: false,
    why: 'Your client offers a client ID it got from a different authorization server. This server never registered that client, so it refuses the authorization request with invalid_client.',
    verdict:
      'Client credentials belong to the server that issued them; under 2026-07-28 the client keys them by issuer and registers again instead.',
  },
} as const satisfies Record<string, FailureContent>;

/** Scenarios that fail under 2025-11-25 but succeed under 2026-07-28. */
const SUCCEED_UNDER_2026 = new Set<string>(['credentials-other-as']);

/** Scenarios that succeed under 2025-11-25 but fail under 2026-07-28. */
const FAIL_ONLY_UNDER_2026 = {
  'mix-up': {
    decider: 'client',
    backendCalled: false,
    why: 'The authorization response carries an iss naming https://attacker.example.net, not the issuer your client recorded with the PKCE verifier before it sent you to sign in. Under 2026-07-28 your client compares the two by exact match, stops at the mismatch, and neither redeems the code nor shows any error text from that response.',
    verdict:
      'The mix-up attack fails: a client that checks iss never sends a code meant for one authorization server to another. A 2025-11-25 client ignores iss and carries on.',
  },
} as const satisfies Record<string, FailureContent>;

/**
 * The failure words in force under each spec revision, keyed by scenario id:
 * exactly the scenarios whose expected outcome under that revision is a
 * failure (a unit test holds each table to that).
 */
export const FAILURE_CONTENT_BY_REVISION: Readonly<
  Record<SpecRevision, Readonly<Record<string, FailureContent>>>
> = {
  '2025-11-25': FAILURE_CONTENT,
  '2026-07-28': {
    ...Object.fromEntries(
      Object.entries(FAILURE_CONTENT).filter(
        ([id]) => !SUCCEED_UNDER_2026.has(id),
      ),
    ),
    ...FAIL_ONLY_UNDER_2026,
  },
};

/**
 * A step that gets an error answer in a scenario that goes on: the rejection
 * is part of the flow. Keyed by step id; `status` is the HTTP status the
 * words are about, so they never describe a different answer.
 */
export const EXPECTED_REJECTION: Readonly<
  Record<string, { status: number; text: string }>
> = {
  probe_unauthenticated: {
    status: 401,
    text: 'ToolHive answers 401, as it should: this challenge is how your client learns where to log in.',
  },
  call_with_rotated_key: {
    status: 401,
    text: 'ToolHive answers 401, as the scenario expects: the new key is not in its cache until the next scheduled refresh.',
  },
  call_tool: {
    status: 403,
    text: 'The server answers 403 insufficient_scope, as the scenario expects: the answer names the scope your client must ask for.',
  },
};

/** One line naming the four parties, shown before the first step runs. */
export const WHO_IS_WHO =
  'Who is who: the MCP client is the app you build or use; ToolHive is the proxy in front of the MCP server and checks every request; the authorization server issues tokens; the MCP server (the backend) runs the tools.';

/** The transport notice, in plain words. */
export const TRANSPORT_NOTE = {
  worker:
    'Nothing leaves your browser: the requests below are real HTTP, answered by pretend servers that run inside this page (in a service worker).',
  inPage: (reason: string) =>
    `Nothing leaves your browser. Service workers are unavailable here${reason ? ` (${reason})` : ''}, so the pretend servers answer inside this page instead.`,
};

/** Column heads for a failed check's expected and actual values. */
export const COMPARE_LABELS: Readonly<
  Record<string, readonly [expected: string, actual: string]>
> = {
  aud: ['Audience ToolHive wants', 'aud in the token'],
  iss: ['Issuer ToolHive trusts', 'iss in the token'],
  exp: ['ToolHive needs', 'The token has'],
  alg: ['Algorithms ToolHive accepts', 'alg in the token header'],
  kid: ['ToolHive needs', 'The token header has'],
  'jwks-key': ['ToolHive looked for', 'It found'],
  signature: ['ToolHive needs', 'It found'],
  sub: ['ToolHive needs', 'The token has'],
  'auth-header': ['ToolHive needs', 'The request has'],
  cedar: ['Cedar needs', 'Cedar found'],
  'pkce-verifier': [
    'code_challenge stored with the code',
    'S256 hash of the code_verifier sent',
  ],
  'callback-state': ['state your client sent', 'state in the callback'],
  'resource-indicator': [
    'Resources the server issues tokens for',
    'resource your client asked for',
  ],
  'code-single-use': ['The server needs', 'The code was'],
  'pkce-s256-advertised': ['Your client needs', 'The metadata has'],
};

/**
 * A client check that fails on purpose in a step that goes on: the client
 * sets something aside and takes another path. Keyed by check id.
 */
export const SET_ASIDE: Readonly<Record<string, string>> = {
  'client-credentials-issuer':
    'Your client holds a client ID, but another authorization server issued it. Under 2026-07-28 the client keys credentials by issuer, so it does not offer that ID here and registers again with this server instead.',
};

/**
 * Step summaries for runs where ToolHive has no Cedar policy configured, so
 * the words never describe an authorization step that did not happen.
 */
export const WITHOUT_AUTHZ: Readonly<Record<string, string>> = {
  call_tool:
    'ToolHive validates your token and forwards the call. No Cedar policy is configured in this scenario, so any valid token may call any tool. The backend reports which Authorization header it received, so you can see how ToolHive authenticated to it.',
};

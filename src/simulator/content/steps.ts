/**
 * Teaching text for each step, keyed by step id. Sentence case, second
 * person, no em dashes. The engine never reads these strings.
 */
import type { StepId } from '../scenarios/steps';

export interface StepContent {
  title: string;
  /** What happens and why, in two or three short sentences. */
  summary: string;
}

export const STEP_CONTENT: Readonly<Record<StepId, StepContent>> = {
  probe_unauthenticated: {
    title: 'Call the server without a token',
    summary:
      'Your client sends its first MCP request with no credentials. ToolHive answers 401 and its WWW-Authenticate header points to the protected resource metadata, which is how your client learns where to log in.',
  },
  fetch_resource_metadata: {
    title: 'Fetch the protected resource metadata',
    summary:
      'Your client reads the resource_metadata URL from the challenge (or tries the well-known paths) and gets the protected resource metadata (PRM). It checks that the resource in the document is the server it wants to call, then reads the authorization server from it.',
  },
  fetch_authorization_server_metadata: {
    title: 'Discover the authorization server',
    summary:
      'Your client tries RFC 8414 metadata first and OpenID Connect discovery second. It checks that the issuer matches and refuses to go on unless the server advertises PKCE with S256.',
  },
  register_client: {
    title: 'Get a client ID',
    summary:
      'Your client uses a client ID it already has for this server if it can. Otherwise it offers its client ID metadata document URL when the server supports that, and falls back to dynamic client registration.',
  },
  authorize: {
    title: 'Authorize with PKCE, state and resource',
    summary:
      'Your client sends the user to the authorization endpoint with a PKCE S256 challenge, a random state and the resource it wants a token for. The server checks the client, the exact redirect URI, the challenge and the resource, then redirects back with a code. Your client checks that the state matches.',
  },
  exchange_code: {
    title: 'Exchange the code for a token',
    summary:
      'Your client posts the code with its PKCE verifier and the same resource. The server checks that the code is fresh, that the verifier hashes to the challenge, and issues a JWT access token whose audience is the MCP server.',
  },
  redeem_code_again: {
    title: 'Try to use the same code twice',
    summary:
      'An authorization code works once. A second redemption is refused with invalid_grant, and the server revokes what it issued from that code.',
  },
  call_initialize: {
    title: 'Call the server with the token',
    summary:
      'Your client sends initialize with Authorization: Bearer. ToolHive runs its validation pipeline in order (parse, algorithm, key ID, key, signature, expiry, issuer, audience, subject) and only then proxies the request to the MCP server.',
  },
  list_tools: {
    title: 'List the tools',
    summary:
      'tools/list always passes authorization, but ToolHive filters the answer: it asks Cedar whether you could call each tool and removes the ones you could not.',
  },
  call_tool: {
    title: 'Call a tool',
    summary:
      'ToolHive builds a Cedar request from your token claims and the tool call and forwards the call only on a permit. The backend reports which Authorization header it received, so you can see how ToolHive authenticated to it.',
  },
  step_up_authorize: {
    title: 'Step up: authorize again with more scope',
    summary:
      'The 403 named the scopes the call needs. Your client runs the authorization request again asking for them, and counts the attempt so it cannot loop forever.',
  },
  step_up_exchange_code: {
    title: 'Step up: get the bigger token',
    summary:
      'Your client exchanges the new code for a token that carries the extra scope.',
  },
  retry_tool_call: {
    title: 'Retry the tool call',
    summary:
      'Your client repeats the original call with the new token, and this time the scope check passes.',
  },
  call_without_token: {
    title: 'Call a tool without a token',
    summary:
      'A request with no Authorization header gets 401 with error="invalid_request" from ToolHive, even though RFC 6750 suggests no error code when no credentials were sent.',
  },
  present_crafted_token: {
    title: 'Send a tampered token',
    summary:
      'Someone changes a real token and sends it. ToolHive does not introspect a well-formed JWT that fails a check; it rejects it with 401 invalid_token at the first check that fails.',
  },
  present_token_for_other_server: {
    title: 'Replay a token meant for another server',
    summary:
      'The token was issued by the same authorization server for a different MCP server. Its signature is fine, but its audience names the other server, so ToolHive rejects it.',
  },
  present_service_account_token: {
    title: 'Send a Kubernetes service account token',
    summary:
      'A workload sends its projected service account token. ToolHive with the embedded authorization server trusts only that server as issuer and only its keys, so the token cannot be verified.',
  },
  wait_for_token_expiry: {
    title: 'Wait until the token expires',
    summary:
      'Simulated time moves past the token exp. ToolHive allows no clock skew leeway, so one second late is too late. Its JWKS cache refreshes in the background while time passes.',
  },
  call_with_expired_token: {
    title: 'Call with the expired token',
    summary:
      'The expired JWT fails the exp check and gets 401 invalid_token. It is not sent to introspection, because only malformed tokens are.',
  },
  rotate_signing_key: {
    title: 'Rotate the signing key',
    summary:
      'The authorization server publishes a new key in its JWKS and signs new tokens with it. ToolHive still holds the old key set in its cache.',
  },
  refresh_access_token: {
    title: 'Refresh the access token',
    summary:
      'Your client uses its refresh token and gets a new access token, signed with the new key. The server rotates the refresh token too.',
  },
  call_with_rotated_key: {
    title: 'Call with a token signed by the new key',
    summary:
      'ToolHive does not refetch its JWKS when it sees an unknown key ID. It rejects the token until its next scheduled refresh, which comes from the JWKS Cache-Control max-age (15 minutes at least).',
  },
  wait_for_jwks_refresh: {
    title: 'Wait for the JWKS refresh',
    summary:
      'Simulated time reaches the refresh time, and ToolHive fetches the key set again, now with the new key.',
  },
  retry_with_rotated_key: {
    title: 'Retry with the same token',
    summary:
      'The new key is in the cache now, so the same token passes every check.',
  },
  revoke_token: {
    title: 'Revoke the token',
    summary:
      'Your client revokes its opaque access token at the authorization server (RFC 7009). The server will now report it as inactive.',
  },
};

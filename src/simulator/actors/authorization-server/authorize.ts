/**
 * The authorization endpoint: the client, the exact redirect URI, PKCE S256,
 * one allowed resource (RFC 8707) and known scopes, then a code. The
 * embedded AS first sends the user to the upstream IdP with its own PKCE and
 * state, and issues the code on the upstream callback (upstream-callback.ts).
 */
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import { addCheck, type StepContext } from '../../engine/host';
import {
  isValidResourceUri,
  oauthError,
  redirect,
  redirectUriMatches,
} from '../http-util';
import type { RegisteredClient } from './options';
import { resolveClient } from './clients';
import type { AsCore } from './state';

/** RFC 9207: `iss` on every authorization response, when the AS sends it. */
function addIss(core: AsCore, target: URL): void {
  const { o } = core;
  if (o.sendIss) target.searchParams.set('iss', o.issOverride ?? o.issuer);
}

export function authorizeError(
  core: AsCore,
  redirectUri: string,
  error: string,
  description: string,
  state: string | null,
): Response {
  const target = new URL(redirectUri);
  target.searchParams.set('error', error);
  target.searchParams.set('error_description', description);
  if (state !== null) target.searchParams.set('state', state);
  addIss(core, target);
  return redirect(target.toString());
}

export async function issueCode(
  core: AsCore,
  params: URLSearchParams,
  client: RegisteredClient,
  redirectUri: string,
  scope: string,
  resource: string | null,
  sub: string,
  tsid: string | null,
): Promise<Response> {
  const { host, o, codes } = core;
  const code = host.ids.token('code', 32);
  codes.set(code, {
    clientId: client.clientId,
    redirectUri,
    challenge: params.get('code_challenge') ?? '',
    resource,
    scope,
    sub,
    tsid,
    expiresAt: host.clock.epochSeconds() + o.codeTtl,
    used: false,
    issued: [],
  });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  const state = o.callbackStateOverride ?? params.get('state');
  if (state !== null) target.searchParams.set('state', state);
  addIss(core, target);
  return redirect(target.toString());
}

export async function authorize(
  core: AsCore,
  ctx: StepContext,
  request: Request,
): Promise<Response> {
  const { host, o, url, pending } = core;
  const params = new URL(request.url).searchParams;
  const clientId = params.get('client_id') ?? '';
  const { client, reason } = clientId
    ? await resolveClient(core, ctx, clientId)
    : { client: null, reason: 'client_id missing' };
  if (!client) {
    addCheck(ctx, 'client-id', 'fail', reason, {
      expected: 'a client ID this server knows',
      actual: clientId || '(none)',
    });
    return oauthError(400, 'invalid_client', reason);
  }
  addCheck(ctx, 'client-id', 'pass', reason);
  const redirectUri = params.get('redirect_uri') ?? '';
  const registered = client.redirectUris.find((r) =>
    redirectUriMatches(r, redirectUri),
  );
  if (!registered) {
    addCheck(
      ctx,
      'redirect-uri',
      'fail',
      `${redirectUri || '(none)'} is not a registered redirect URI`,
    );
    // Never redirect to an unverified URI (OAuth 2.1 §4.1.2.1).
    return oauthError(
      400,
      'invalid_request',
      'redirect_uri does not match a registered redirect URI',
    );
  }
  addCheck(
    ctx,
    'redirect-uri',
    'pass',
    registered === redirectUri ? 'exact match' : 'loopback match on any port',
  );
  const state = params.get('state');
  if (params.get('response_type') !== 'code') {
    return authorizeError(
      core,
      redirectUri,
      'unsupported_response_type',
      'only response_type=code is supported',
      state,
    );
  }
  const challenge = params.get('code_challenge');
  const method = params.get('code_challenge_method');
  if (!challenge || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    addCheck(
      ctx,
      'pkce-challenge',
      'fail',
      'code_challenge missing or not a base64url SHA-256 value',
    );
    return authorizeError(
      core,
      redirectUri,
      'invalid_request',
      'code_challenge required',
      state,
    );
  }
  if (method !== 'S256') {
    addCheck(
      ctx,
      'pkce-challenge',
      'fail',
      `code_challenge_method ${method ?? '(absent, meaning plain)'} is not allowed`,
    );
    return authorizeError(
      core,
      redirectUri,
      'invalid_request',
      'transform algorithm not supported',
      state,
    );
  }
  addCheck(ctx, 'pkce-challenge', 'pass', 'S256 challenge present');
  const resources = params.getAll('resource');
  if (resources.length > 1) {
    addCheck(
      ctx,
      'resource-indicator',
      'fail',
      'more than one resource parameter',
    );
    return authorizeError(
      core,
      redirectUri,
      'invalid_target',
      'only one resource parameter is supported',
      state,
    );
  }
  const resource = resources[0] ?? null;
  if (
    resource !== null &&
    (!isValidResourceUri(resource) || !o.allowedResources.includes(resource))
  ) {
    addCheck(
      ctx,
      'resource-indicator',
      'fail',
      `${resource} is not a resource this server issues tokens for`,
      { expected: o.allowedResources.join(', '), actual: resource },
    );
    return authorizeError(
      core,
      redirectUri,
      'invalid_target',
      'the requested resource is not allowed',
      state,
    );
  }
  addCheck(
    ctx,
    'resource-indicator',
    'pass',
    resource ? `${resource} is allowed` : 'no resource sent',
  );
  const scope = params.get('scope') ?? '';
  const unknown = scope
    .split(' ')
    .filter((s) => s && !o.scopesSupported.includes(s));
  if (unknown.length)
    return authorizeError(
      core,
      redirectUri,
      'invalid_scope',
      `unknown scope: ${unknown.join(' ')}`,
      state,
    );
  if (o.consent === 'deny')
    return authorizeError(
      core,
      redirectUri,
      'access_denied',
      'the user denied the request',
      state,
    );
  if (o.upstream) {
    // Embedded AS: run our own PKCE + state against the upstream IdP.
    const upstreamState = host.ids.token('upstream-state', 16);
    const verifier = host.ids.token('upstream-verifier', 32);
    pending.set(upstreamState, {
      clientParams: params,
      verifier,
      scope,
      resource,
    });
    const target = new URL(o.upstream.authorizeUrl);
    target.searchParams.set('response_type', 'code');
    target.searchParams.set('client_id', o.upstream.clientId);
    target.searchParams.set(
      'redirect_uri',
      url(o.paths.callback ?? '/oauth/callback'),
    );
    target.searchParams.set('scope', o.upstream.scope);
    target.searchParams.set('state', upstreamState);
    target.searchParams.set(
      'code_challenge',
      await calculatePKCECodeChallenge(verifier),
    );
    target.searchParams.set('code_challenge_method', 'S256');
    return redirect(target.toString());
  }
  return issueCode(
    core,
    params,
    client,
    redirectUri,
    scope,
    resource,
    o.user.sub,
    null,
  );
}

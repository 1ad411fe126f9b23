/**
 * The authorization server actor: a standalone OAuth 2.1 AS at
 * https://auth.example.com, or ToolHive's embedded AS mounted on the MCP
 * server's own origin (with an upstream IdP). Spec and RFC correct: RFC 8414
 * and OIDC discovery, pre-registration, CIMD, RFC 7591 DCR, PKCE S256,
 * RFC 8707 resource indicators, RFC 9068 JWT access tokens, refresh tokens,
 * RFC 8693 token exchange, RFC 7662 introspection and RFC 7009 revocation.
 * Bad requests get the RFC's error codes, never a crash.
 */
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import { jwtVerify, type JWK } from 'jose';
import type { ActorHost } from '../engine/host';
import { addCheck } from '../engine/host';
import type { DemoKeyName } from './demo-keys';
import {
  decodeSegment,
  importPublic,
  kidOf,
  publicJwk,
  signWithDemoKey,
} from './jwt';
import {
  basicCredentials,
  basicHeader,
  isLoopback,
  isValidResourceUri,
  json,
  oauthError,
  readForm,
  readJson,
  redirect,
  redirectUriMatches,
  text,
} from './http-util';

export const TOKEN_EXCHANGE_GRANT =
  'urn:ietf:params:oauth:grant-type:token-exchange';
export const ACCESS_TOKEN_TYPE =
  'urn:ietf:params:oauth:token-type:access_token';

export interface RegisteredClient {
  clientId: string;
  redirectUris: string[];
  grantTypes: string[];
  /** Present for confidential clients. */
  secret?: string;
  name: string;
  kind: 'pre-registered' | 'dcr' | 'cimd' | 'confidential';
}

export interface DemoUser {
  sub: string;
  /** Extra RFC 9068 claims (for example roles or groups) put in access tokens. */
  claims: Record<string, unknown>;
}

export interface AuthorizationServerOptions {
  issuer: string;
  /** Endpoint paths on the issuer's origin. */
  paths: {
    authorize: string;
    token: string;
    register: string;
    jwks: string;
    introspect: string | null;
    revoke: string | null;
    /** Upstream callback (embedded AS only). */
    callback: string | null;
  };
  /** Advertise `code_challenge_methods_supported: ["S256"]` (knob for no-s256). */
  advertiseS256: boolean;
  cimdSupported: boolean;
  dcrEnabled: boolean;
  /** RFC 8707 audiences this AS issues tokens for. */
  allowedResources: string[];
  scopesSupported: string[];
  consent: 'approve' | 'deny';
  tokenFormat: 'jwt' | 'opaque';
  accessTokenTtl: number;
  refreshTokenTtl: number;
  codeTtl: number;
  /** Cap on a token-exchange result's lifetime (seconds). */
  delegationTtl: number;
  /** `Cache-Control: max-age` on the JWKS response, in seconds; null sends no header. */
  jwksMaxAge: number | null;
  /** Leave `sub` out of access tokens (missing-sub knob). */
  omitSub: boolean;
  /** Put this `iss` in access tokens instead of the issuer (wrong-issuer knob). */
  issuerClaimOverride: string | null;
  /** Answer the callback with this state instead of the client's (state-mismatch knob). */
  callbackStateOverride: string | null;
  /** Sign with this key until rotated. */
  signingKey: DemoKeyName;
  /** Keys published in the JWKS besides the signing key. */
  extraPublishedKeys: DemoKeyName[];
  preRegistered: RegisteredClient[];
  confidentialClients: RegisteredClient[];
  user: DemoUser;
  /** Embedded AS: delegate user login to this upstream IdP. */
  upstream: {
    authorizeUrl: string;
    tokenUrl: string;
    clientId: string;
    scope: string;
  } | null;
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  challenge: string;
  resource: string | null;
  scope: string;
  sub: string;
  tsid: string | null;
  expiresAt: number;
  used: boolean;
  /** Access tokens issued from this code, revoked on reuse (OAuth 2.1 §4.1.3). */
  issued: string[];
}

interface OpaqueRecord {
  active: boolean;
  claims: Record<string, unknown>;
}

interface PendingUpstream {
  clientParams: URLSearchParams;
  verifier: string;
  scope: string;
  resource: string | null;
}

export interface UpstreamTokens {
  accessToken: string;
  idToken: string | null;
}

export type AuthorizationServer = ReturnType<typeof createAuthorizationServer>;

export function createAuthorizationServer(
  host: ActorHost,
  options: AuthorizationServerOptions,
) {
  const o = options;
  const origin = new URL(o.issuer).origin;
  const issuerPath = new URL(o.issuer).pathname.replace(/\/$/, '');
  const clients = new Map<string, RegisteredClient>();
  for (const c of [...o.preRegistered, ...o.confidentialClients])
    clients.set(c.clientId, c);
  const codes = new Map<string, CodeGrant>();
  const refreshTokens = new Map<
    string,
    {
      clientId: string;
      sub: string;
      scope: string;
      resource: string | null;
      tsid: string | null;
      expiresAt: number;
      active: boolean;
    }
  >();
  const opaque = new Map<string, OpaqueRecord>();
  const revokedJti = new Set<string>();
  const pending = new Map<string, PendingUpstream>();
  const upstreamStore = new Map<string, UpstreamTokens>();
  let signingKey: DemoKeyName = o.signingKey;
  const published: DemoKeyName[] = [o.signingKey, ...o.extraPublishedKeys];

  const url = (path: string) => `${origin}${path}`;

  function metadata(kind: 'oauth' | 'oidc'): Record<string, unknown> {
    const m: Record<string, unknown> = {
      issuer: o.issuer,
      authorization_endpoint: url(o.paths.authorize),
      token_endpoint: url(o.paths.token),
    };
    if (o.dcrEnabled) m.registration_endpoint = url(o.paths.register);
    m.jwks_uri = url(o.paths.jwks);
    if (o.paths.introspect) m.introspection_endpoint = url(o.paths.introspect);
    if (o.paths.revoke) m.revocation_endpoint = url(o.paths.revoke);
    m.response_types_supported = ['code'];
    m.grant_types_supported = [
      'authorization_code',
      'refresh_token',
      TOKEN_EXCHANGE_GRANT,
    ];
    if (o.advertiseS256) m.code_challenge_methods_supported = ['S256'];
    m.token_endpoint_auth_methods_supported = ['none', 'client_secret_basic'];
    m.scopes_supported = o.scopesSupported;
    if (o.cimdSupported) m.client_id_metadata_document_supported = true;
    if (kind === 'oidc') {
      m.subject_types_supported = ['public'];
      m.id_token_signing_alg_values_supported = ['RS256'];
    }
    return m;
  }

  function jwks(): Response {
    const headers: Record<string, string> = {};
    if (o.jwksMaxAge !== null)
      headers['cache-control'] = `public, max-age=${o.jwksMaxAge}`;
    return json(200, { keys: published.map((k) => publicJwk(k)) }, headers);
  }

  /** Mints an RFC 9068 access token (or an opaque one, per the knob). */
  async function mintAccessToken(input: {
    sub: string;
    aud: string | string[];
    clientId: string;
    scope: string;
    ttl?: number;
    tsid?: string | null;
    extra?: Record<string, unknown>;
    format?: 'jwt' | 'opaque';
  }): Promise<string> {
    const iat = host.clock.epochSeconds();
    const exp = iat + (input.ttl ?? o.accessTokenTtl);
    const jti = host.ids.token('jti', 16);
    const claims: Record<string, unknown> = {
      iss: o.issuerClaimOverride ?? o.issuer,
    };
    if (!o.omitSub) claims.sub = input.sub;
    claims.aud = input.aud;
    claims.client_id = input.clientId;
    claims.scope = input.scope;
    claims.iat = iat;
    claims.exp = exp;
    claims.jti = jti;
    if (input.tsid) claims.tsid = input.tsid;
    Object.assign(
      claims,
      o.user.sub === input.sub ? o.user.claims : {},
      input.extra ?? {},
    );
    if ((input.format ?? o.tokenFormat) === 'opaque') {
      const token = `opaque_${host.ids.token('opaque-token', 24)}`;
      opaque.set(token, { active: true, claims });
      return token;
    }
    return signWithDemoKey(signingKey, claims, { typ: 'at+jwt' });
  }

  /** Verifies a token this AS issued (introspection and token exchange). */
  async function verifySelfIssued(
    token: string,
  ): Promise<Record<string, unknown> | null> {
    const rec = opaque.get(token);
    if (rec) {
      const exp = rec.claims.exp;
      if (
        !rec.active ||
        (typeof exp === 'number' && host.clock.epochSeconds() >= exp)
      )
        return null;
      return rec.claims;
    }
    const header = decodeSegment(token.split('.')[0]);
    const kid = header?.kid;
    const name = published.find((k) => kidOf(k) === kid);
    if (!name || typeof header?.alg !== 'string' || header.alg !== 'RS256')
      return null;
    try {
      const key = await importPublic(publicJwk(name) as JWK, 'RS256');
      const { payload } = await jwtVerify(token, key, {
        currentDate: host.clock.date(),
        clockTolerance: 0,
        issuer: o.issuer,
      });
      if (typeof payload.jti === 'string' && revokedJti.has(payload.jti))
        return null;
      return payload as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  // -- client lookup (pre-registered, DCR, CIMD) ---------------------------

  async function resolveClient(
    clientId: string,
  ): Promise<{ client: RegisteredClient | null; reason: string }> {
    const known = clients.get(clientId);
    if (known) return { client: known, reason: `known ${known.kind} client` };
    let asUrl: URL | null = null;
    try {
      asUrl = new URL(clientId);
    } catch {
      asUrl = null;
    }
    if (!asUrl) return { client: null, reason: 'unknown client_id' };
    if (!o.cimdSupported)
      return {
        client: null,
        reason:
          'client_id is a URL but this server does not support client ID metadata documents',
      };
    if (
      asUrl.protocol !== 'https:' ||
      asUrl.pathname === '/' ||
      asUrl.pathname === ''
    ) {
      return {
        client: null,
        reason: 'a client ID metadata document URL must be https with a path',
      };
    }
    const res = await host.internalFetch(
      new Request(clientId, { headers: { accept: 'application/json' } }),
    );
    if (res.status !== 200)
      return {
        client: null,
        reason: `metadata document fetch returned ${res.status}`,
      };
    const doc = (await readJson(res)) as Record<string, unknown> | undefined;
    if (!doc || typeof doc !== 'object')
      return { client: null, reason: 'metadata document is not JSON' };
    if (doc.client_id !== clientId)
      return {
        client: null,
        reason: 'metadata document client_id does not equal its URL',
      };
    if (
      typeof doc.client_name !== 'string' ||
      !Array.isArray(doc.redirect_uris)
    ) {
      return {
        client: null,
        reason: 'metadata document lacks client_name or redirect_uris',
      };
    }
    const client: RegisteredClient = {
      clientId,
      redirectUris: doc.redirect_uris.filter(
        (u): u is string => typeof u === 'string',
      ),
      grantTypes: ['authorization_code', 'refresh_token'],
      name: doc.client_name,
      kind: 'cimd',
    };
    return { client, reason: 'client ID metadata document fetched and valid' };
  }

  function authorizeError(
    redirectUri: string,
    error: string,
    description: string,
    state: string | null,
  ): Response {
    const target = new URL(redirectUri);
    target.searchParams.set('error', error);
    target.searchParams.set('error_description', description);
    if (state !== null) target.searchParams.set('state', state);
    return redirect(target.toString());
  }

  async function issueCode(
    params: URLSearchParams,
    client: RegisteredClient,
    redirectUri: string,
    scope: string,
    resource: string | null,
    sub: string,
    tsid: string | null,
  ): Promise<Response> {
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
    return redirect(target.toString());
  }

  async function authorize(request: Request): Promise<Response> {
    const ctx = host.ctx;
    const params = new URL(request.url).searchParams;
    const clientId = params.get('client_id') ?? '';
    const { client, reason } = clientId
      ? await resolveClient(clientId)
      : { client: null, reason: 'client_id missing' };
    if (!client) {
      addCheck(ctx, 'client-id', 'fail', reason);
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
        redirectUri,
        'invalid_scope',
        `unknown scope: ${unknown.join(' ')}`,
        state,
      );
    if (o.consent === 'deny')
      return authorizeError(
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
      params,
      client,
      redirectUri,
      scope,
      resource,
      o.user.sub,
      null,
    );
  }

  async function upstreamCallback(request: Request): Promise<Response> {
    const params = new URL(request.url).searchParams;
    const p = pending.get(params.get('state') ?? '');
    if (!p || !o.upstream)
      return oauthError(400, 'invalid_request', 'unknown upstream state');
    pending.delete(params.get('state') ?? '');
    const clientId = p.clientParams.get('client_id') ?? '';
    const redirectUri = p.clientParams.get('redirect_uri') ?? '';
    const client =
      clients.get(clientId) ?? (await resolveClient(clientId)).client;
    if (!client) return oauthError(400, 'invalid_client', 'client vanished');
    if (params.get('error')) {
      return authorizeError(
        redirectUri,
        'access_denied',
        'the upstream identity provider refused',
        p.clientParams.get('state'),
      );
    }
    const res = await host.internalFetch(
      new Request(o.upstream.tokenUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code: params.get('code') ?? '',
          redirect_uri: url(o.paths.callback ?? '/oauth/callback'),
          client_id: o.upstream.clientId,
          code_verifier: p.verifier,
        }).toString(),
      }),
    );
    const body = (await readJson(res)) as
      { access_token?: string; id_token?: string } | undefined;
    if (res.status !== 200 || !body?.access_token) {
      return authorizeError(
        redirectUri,
        'server_error',
        'upstream token exchange failed',
        p.clientParams.get('state'),
      );
    }
    const tsid = host.ids.token('tsid', 12);
    upstreamStore.set(tsid, {
      accessToken: body.access_token,
      idToken: body.id_token ?? null,
    });
    const upstreamClaims = decodeSegment(body.access_token.split('.')[1]);
    const sub =
      typeof upstreamClaims?.sub === 'string' ? upstreamClaims.sub : o.user.sub;
    return issueCode(
      p.clientParams,
      client,
      redirectUri,
      p.scope,
      p.resource,
      sub,
      tsid,
    );
  }

  async function register(request: Request): Promise<Response> {
    if (!o.dcrEnabled)
      return oauthError(404, 'not_found', 'registration is disabled');
    const body = (await readJson(request)) as
      Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return oauthError(
        400,
        'invalid_client_metadata',
        'body must be a JSON object',
      );
    }
    const uris = body.redirect_uris;
    if (
      !Array.isArray(uris) ||
      uris.length === 0 ||
      !uris.every((u) => typeof u === 'string')
    ) {
      return oauthError(
        400,
        'invalid_redirect_uri',
        'redirect_uris must be a non-empty array of strings',
      );
    }
    for (const u of uris as string[]) {
      let parsed: URL;
      try {
        parsed = new URL(u);
      } catch {
        return oauthError(400, 'invalid_redirect_uri', `${u} is not a URL`);
      }
      if (parsed.protocol !== 'https:' && !isLoopback(parsed)) {
        return oauthError(
          400,
          'invalid_redirect_uri',
          `${u} must use https or a loopback address`,
        );
      }
    }
    const grants = Array.isArray(body.grant_types)
      ? (body.grant_types as unknown[]).filter(
          (g): g is string => typeof g === 'string',
        )
      : ['authorization_code'];
    const bad = grants.filter(
      (g) => g !== 'authorization_code' && g !== 'refresh_token',
    );
    if (bad.length)
      return oauthError(
        400,
        'invalid_client_metadata',
        `grant type not allowed for registered clients: ${bad.join(', ')}`,
      );
    const clientId = `dcr_${host.ids.hex('client-id', 8)}`;
    const name =
      typeof body.client_name === 'string'
        ? body.client_name
        : 'Unnamed client';
    clients.set(clientId, {
      clientId,
      redirectUris: uris as string[],
      grantTypes: grants,
      name,
      kind: 'dcr',
    });
    return json(
      201,
      {
        client_id: clientId,
        client_id_issued_at: host.clock.epochSeconds(),
        client_name: name,
        redirect_uris: uris,
        grant_types: grants,
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
      { 'cache-control': 'no-store' },
    );
  }

  function tokenResponse(
    accessToken: string,
    scope: string,
    refreshToken: string | null,
    ttl: number,
    extra: Record<string, unknown> = {},
  ): Response {
    const body: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: ttl,
      scope,
      ...extra,
    };
    if (refreshToken) body.refresh_token = refreshToken;
    return json(200, body, { 'cache-control': 'no-store', pragma: 'no-cache' });
  }

  function newRefreshToken(
    clientId: string,
    sub: string,
    scope: string,
    resource: string | null,
    tsid: string | null,
  ): string {
    const token = `rt_${host.ids.token('refresh-token', 24)}`;
    refreshTokens.set(token, {
      clientId,
      sub,
      scope,
      resource,
      tsid,
      expiresAt: host.clock.epochSeconds() + o.refreshTokenTtl,
      active: true,
    });
    return token;
  }

  function audienceFor(resource: string | null): string | null {
    if (resource) return resource;
    return o.allowedResources.length === 1
      ? (o.allowedResources[0] ?? null)
      : null;
  }

  async function tokenEndpoint(request: Request): Promise<Response> {
    const ctx = host.ctx;
    const form = await readForm(request);
    const grant = form.get('grant_type');
    if (!grant)
      return oauthError(400, 'invalid_request', 'grant_type is required');

    if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      const grantRec = codes.get(code);
      if (!grantRec) {
        addCheck(ctx, 'code-single-use', 'fail', 'unknown authorization code');
        return oauthError(
          400,
          'invalid_grant',
          'authorization code is invalid',
        );
      }
      if (grantRec.used) {
        addCheck(
          ctx,
          'code-single-use',
          'fail',
          'this code was already redeemed; tokens issued from it are revoked',
          {
            expected: 'a code not redeemed before',
            actual: 'already redeemed',
          },
        );
        for (const t of grantRec.issued) {
          const jti = decodeSegment(t.split('.')[1])?.jti;
          if (typeof jti === 'string') revokedJti.add(jti);
          const rec = opaque.get(t);
          if (rec) rec.active = false;
        }
        return oauthError(
          400,
          'invalid_grant',
          'authorization code has already been used',
        );
      }
      if (host.clock.epochSeconds() >= grantRec.expiresAt) {
        addCheck(ctx, 'code-single-use', 'fail', 'authorization code expired');
        return oauthError(400, 'invalid_grant', 'authorization code expired');
      }
      grantRec.used = true;
      addCheck(ctx, 'code-single-use', 'pass', 'first redemption of this code');
      if (form.get('client_id') !== grantRec.clientId)
        return oauthError(
          400,
          'invalid_grant',
          'code was issued to another client',
        );
      if (form.get('redirect_uri') !== grantRec.redirectUri)
        return oauthError(
          400,
          'invalid_grant',
          'redirect_uri differs from the authorization request',
        );
      const verifier = form.get('code_verifier');
      if (!verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) {
        addCheck(
          ctx,
          'pkce-verifier',
          'fail',
          'code_verifier missing or malformed',
        );
        return oauthError(400, 'invalid_request', 'code_verifier is required');
      }
      const computed = await calculatePKCECodeChallenge(verifier);
      if (computed !== grantRec.challenge) {
        addCheck(
          ctx,
          'pkce-verifier',
          'fail',
          'BASE64URL(SHA256(code_verifier)) does not equal the stored code_challenge',
          { expected: grantRec.challenge, actual: computed },
        );
        return oauthError(400, 'invalid_grant', 'PKCE verification failed');
      }
      addCheck(
        ctx,
        'pkce-verifier',
        'pass',
        'S256 of the verifier equals the stored challenge',
      );
      const resources = form.getAll('resource');
      const resource = resources[0] ?? null;
      if (
        resources.length > 1 ||
        (resource !== null &&
          grantRec.resource !== null &&
          resource !== grantRec.resource) ||
        (resource !== null && !o.allowedResources.includes(resource))
      ) {
        addCheck(
          ctx,
          'resource-indicator',
          'fail',
          'resource differs from the one authorized',
        );
        return oauthError(
          400,
          'invalid_target',
          'resource does not match the authorization request',
        );
      }
      const aud = audienceFor(resource ?? grantRec.resource);
      if (!aud) {
        addCheck(
          ctx,
          'resource-indicator',
          'fail',
          'no resource and no single default audience',
        );
        return oauthError(400, 'invalid_target', 'resource is required');
      }
      addCheck(
        ctx,
        'resource-indicator',
        'pass',
        `token audience will be ${aud}`,
      );
      const access = await mintAccessToken({
        sub: grantRec.sub,
        aud,
        clientId: grantRec.clientId,
        scope: grantRec.scope,
        tsid: grantRec.tsid,
      });
      grantRec.issued.push(access);
      const refresh = newRefreshToken(
        grantRec.clientId,
        grantRec.sub,
        grantRec.scope,
        aud,
        grantRec.tsid,
      );
      return tokenResponse(access, grantRec.scope, refresh, o.accessTokenTtl);
    }

    if (grant === 'refresh_token') {
      const rt = refreshTokens.get(form.get('refresh_token') ?? '');
      if (!rt || !rt.active || host.clock.epochSeconds() >= rt.expiresAt)
        return oauthError(
          400,
          'invalid_grant',
          'refresh token is invalid or expired',
        );
      if (form.get('client_id') !== rt.clientId)
        return oauthError(
          400,
          'invalid_grant',
          'refresh token was issued to another client',
        );
      const resource = form.get('resource');
      if (resource !== null && resource !== rt.resource)
        return oauthError(
          400,
          'invalid_target',
          'resource differs from the original grant',
        );
      rt.active = false; // rotation for public clients (OAuth 2.1 §4.3.1)
      const access = await mintAccessToken({
        sub: rt.sub,
        aud: rt.resource ?? '',
        clientId: rt.clientId,
        scope: rt.scope,
        tsid: rt.tsid,
      });
      const refresh = newRefreshToken(
        rt.clientId,
        rt.sub,
        rt.scope,
        rt.resource,
        rt.tsid,
      );
      return tokenResponse(access, rt.scope, refresh, o.accessTokenTtl);
    }

    if (grant === TOKEN_EXCHANGE_GRANT) {
      const creds = basicCredentials(request);
      const client = creds ? clients.get(creds.id) : undefined;
      if (
        !creds ||
        !client ||
        client.secret === undefined ||
        client.secret !== creds.secret
      ) {
        return oauthError(
          401,
          'invalid_client',
          'client authentication failed',
          { 'www-authenticate': 'Basic realm="token"' },
        );
      }
      if (!client.grantTypes.includes(TOKEN_EXCHANGE_GRANT))
        return oauthError(
          400,
          'unauthorized_client',
          'client may not use token exchange',
        );
      if (form.get('subject_token_type') !== ACCESS_TOKEN_TYPE)
        return oauthError(
          400,
          'invalid_request',
          'unsupported subject_token_type',
        );
      const subject = await verifySelfIssued(form.get('subject_token') ?? '');
      if (!subject)
        return oauthError(
          400,
          'invalid_grant',
          'subject token is invalid or expired',
        );
      const target = form.get('resource') ?? form.get('audience');
      if (!target || !o.allowedResources.includes(target))
        return oauthError(
          400,
          'invalid_target',
          'the requested audience is not allowed',
        );
      const remaining =
        typeof subject.exp === 'number'
          ? subject.exp - host.clock.epochSeconds()
          : o.delegationTtl;
      const ttl = Math.max(1, Math.min(remaining, o.delegationTtl));
      const access = await mintAccessToken({
        sub: typeof subject.sub === 'string' ? subject.sub : '',
        aud: target,
        clientId: client.clientId,
        scope: typeof subject.scope === 'string' ? subject.scope : '',
        ttl,
        extra: { act: { sub: client.clientId } },
        format: 'jwt',
      });
      return tokenResponse(
        access,
        typeof subject.scope === 'string' ? subject.scope : '',
        null,
        ttl,
        { issued_token_type: ACCESS_TOKEN_TYPE },
      );
    }

    return oauthError(
      400,
      'unsupported_grant_type',
      `grant_type ${grant} is not supported`,
    );
  }

  async function introspect(request: Request): Promise<Response> {
    const creds = basicCredentials(request);
    const client = creds ? clients.get(creds.id) : undefined;
    if (!creds || !client?.secret || client.secret !== creds.secret) {
      return oauthError(
        401,
        'invalid_client',
        'introspection requires client authentication',
        { 'www-authenticate': 'Basic realm="introspect"' },
      );
    }
    const form = await readForm(request);
    const claims = await verifySelfIssued(form.get('token') ?? '');
    if (!claims)
      return json(200, { active: false }, { 'cache-control': 'no-store' });
    return json(
      200,
      { active: true, token_type: 'Bearer', ...claims },
      { 'cache-control': 'no-store' },
    );
  }

  async function revoke(request: Request): Promise<Response> {
    const form = await readForm(request);
    const token = form.get('token') ?? '';
    const rec = opaque.get(token);
    if (rec) rec.active = false;
    const jti = decodeSegment(token.split('.')[1])?.jti;
    if (typeof jti === 'string') revokedJti.add(jti);
    const rt = refreshTokens.get(token);
    if (rt) rt.active = false;
    return new Response(null, { status: 200 });
  }

  const wellKnown = {
    oauth: [`/.well-known/oauth-authorization-server${issuerPath}`],
    oidc: [
      `/.well-known/openid-configuration${issuerPath}`,
      `${issuerPath}/.well-known/openid-configuration`,
    ],
  };

  /** Paths this actor answers on its origin (the embedded AS shares the MCP origin). */
  function matches(pathname: string): boolean {
    const p = pathname.replace(/\/$/, '') || '/';
    return (
      wellKnown.oauth.includes(p) ||
      wellKnown.oidc.includes(p) ||
      [
        o.paths.authorize,
        o.paths.token,
        o.paths.register,
        o.paths.jwks,
        o.paths.introspect,
        o.paths.revoke,
        o.paths.callback,
      ].includes(p)
    );
  }

  async function handle(request: Request): Promise<Response> {
    const u = new URL(request.url);
    const p = u.pathname.replace(/\/$/, '') || '/';
    const m = request.method;
    if (wellKnown.oauth.includes(p) && m === 'GET')
      return json(200, metadata('oauth'));
    if (wellKnown.oidc.includes(p) && m === 'GET')
      return json(200, metadata('oidc'));
    if (p === o.paths.jwks && m === 'GET') return jwks();
    if (p === o.paths.authorize && m === 'GET') return authorize(request);
    if (p === o.paths.callback && m === 'GET') return upstreamCallback(request);
    if (p === o.paths.token && m === 'POST') return tokenEndpoint(request);
    if (p === o.paths.register && m === 'POST') return register(request);
    if (p === o.paths.introspect && m === 'POST') return introspect(request);
    if (p === o.paths.revoke && m === 'POST') return revoke(request);
    if (matches(p)) return text(405, 'method not allowed');
    return json(404, { error: 'not_found' });
  }

  return {
    actor: 'authorization-server' as const,
    origin,
    options: o,
    matches,
    handle,
    metadata,
    mintAccessToken,
    verifySelfIssued,
    /** Publishes `next` in the JWKS and signs new tokens with it. */
    rotateSigningKey(next: DemoKeyName): void {
      if (!published.includes(next)) published.push(next);
      signingKey = next;
    },
    get signingKey(): DemoKeyName {
      return signingKey;
    },
    publishedKeys: (): DemoKeyName[] => [...published],
    upstreamTokens: (tsid: string): UpstreamTokens | undefined =>
      upstreamStore.get(tsid),
    clientAuthHeader: (clientId: string): string | null => {
      const c = clients.get(clientId);
      return c?.secret ? basicHeader(c.clientId, c.secret) : null;
    },
    endpoint: (
      name: keyof AuthorizationServerOptions['paths'],
    ): string | null => {
      const path = o.paths[name];
      return path ? url(path) : null;
    },
  };
}

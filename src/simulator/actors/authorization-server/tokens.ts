/**
 * Tokens this server mints and checks: RFC 9068 JWT access tokens (or opaque
 * ones, per the knob), refresh tokens, and the token endpoint's answer.
 */
import { jwtVerify, type JWK } from 'jose';
import { json } from '../http-util';
import {
  decodeSegment,
  importPublic,
  kidOf,
  publicJwk,
  signWithDemoKey,
} from '../jwt';
import type { AsCore } from './state';

/** Mints an RFC 9068 access token (or an opaque one, per the knob). */
export async function mintAccessToken(
  core: AsCore,
  input: {
    sub: string;
    aud: string | string[];
    clientId: string;
    scope: string;
    ttl?: number;
    tsid?: string | null;
    extra?: Record<string, unknown>;
    format?: 'jwt' | 'opaque';
  },
): Promise<string> {
  const { host, o, opaque, keys } = core;
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
  return signWithDemoKey(keys.signing, claims, { typ: 'at+jwt' });
}

/** Verifies a token this AS issued (introspection and token exchange). */
export async function verifySelfIssued(
  core: AsCore,
  token: string,
): Promise<Record<string, unknown> | null> {
  const { host, o, opaque, revokedJti, keys } = core;
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
  const name = keys.published.find((k) => kidOf(k) === kid);
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

export function tokenResponse(
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

export function newRefreshToken(
  core: AsCore,
  clientId: string,
  sub: string,
  scope: string,
  resource: string | null,
  tsid: string | null,
): string {
  const { host, o, refreshTokens } = core;
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

export function audienceFor(
  core: AsCore,
  resource: string | null,
): string | null {
  const { o } = core;
  if (resource) return resource;
  return o.allowedResources.length === 1
    ? (o.allowedResources[0] ?? null)
    : null;
}

/**
 * The authorization_code grant (OAuth 2.1 §4.1.3): the code once only (a
 * reuse revokes what it issued), the same client and redirect URI, PKCE S256
 * (RFC 7636 §4.6) and the same resource (RFC 8707), then an RFC 9068 access
 * token for that audience and a refresh token.
 */
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import { addCheck } from '../../engine/host';
import { oauthError } from '../http-util';
import { decodeSegment } from '../jwt';
import {
  audienceFor,
  mintAccessToken,
  newRefreshToken,
  tokenResponse,
} from './tokens';
import type { Grant } from './state';

export const authorizationCodeGrant: Grant = async (
  core,
  ctx,
  request,
  form,
) => {
  const { host, o, codes, opaque, revokedJti } = core;
  const code = form.get('code') ?? '';
  const grantRec = codes.get(code);
  if (!grantRec) {
    addCheck(ctx, 'code-single-use', 'fail', 'unknown authorization code');
    return oauthError(400, 'invalid_grant', 'authorization code is invalid');
  }
  if (grantRec.used) {
    addCheck(
      ctx,
      'code-single-use',
      'fail',
      'this code was already redeemed; tokens issued from it are revoked',
      { expected: 'a code not redeemed before', actual: 'already redeemed' },
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
  const aud = audienceFor(core, resource ?? grantRec.resource);
  if (!aud) {
    addCheck(
      ctx,
      'resource-indicator',
      'fail',
      'no resource and no single default audience',
    );
    return oauthError(400, 'invalid_target', 'resource is required');
  }
  addCheck(ctx, 'resource-indicator', 'pass', `token audience will be ${aud}`);
  const access = await mintAccessToken(core, {
    sub: grantRec.sub,
    aud,
    clientId: grantRec.clientId,
    scope: grantRec.scope,
    tsid: grantRec.tsid,
  });
  grantRec.issued.push(access);
  const refresh = newRefreshToken(
    core,
    grantRec.clientId,
    grantRec.sub,
    grantRec.scope,
    aud,
    grantRec.tsid,
  );
  return tokenResponse(access, grantRec.scope, refresh, o.accessTokenTtl);
};

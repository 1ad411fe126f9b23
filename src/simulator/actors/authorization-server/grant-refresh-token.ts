/**
 * The refresh_token grant: the same client and resource, and the refresh
 * token rotates for public clients (OAuth 2.1 §4.3.1).
 */
import { oauthError } from '../http-util';
import { mintAccessToken, newRefreshToken, tokenResponse } from './tokens';
import type { Grant } from './state';

export const refreshTokenGrant: Grant = async (core, _ctx, _request, form) => {
  const { host, o, refreshTokens } = core;
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
  const access = await mintAccessToken(core, {
    sub: rt.sub,
    aud: rt.resource ?? '',
    clientId: rt.clientId,
    scope: rt.scope,
    tsid: rt.tsid,
  });
  const refresh = newRefreshToken(
    core,
    rt.clientId,
    rt.sub,
    rt.scope,
    rt.resource,
    rt.tsid,
  );
  return tokenResponse(access, rt.scope, refresh, o.accessTokenTtl);
};

/**
 * RFC 8693 token exchange for confidential clients (ToolHive's own): the
 * subject token must be one this server issued and still valid; the new
 * token names the requested audience, carries `act`, and lives no longer
 * than the subject token or the delegation cap.
 */
import { basicCredentials, oauthError } from '../http-util';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from './options';
import { mintAccessToken, tokenResponse, verifySelfIssued } from './tokens';
import type { Grant } from './state';

export const tokenExchangeGrant: Grant = async (core, _ctx, request, form) => {
  const { host, o, clients } = core;
  const creds = basicCredentials(request);
  const client = creds ? clients.get(creds.id) : undefined;
  if (
    !creds ||
    !client ||
    client.secret === undefined ||
    client.secret !== creds.secret
  ) {
    return oauthError(401, 'invalid_client', 'client authentication failed', {
      'www-authenticate': 'Basic realm="token"',
    });
  }
  if (!client.grantTypes.includes(TOKEN_EXCHANGE_GRANT))
    return oauthError(
      400,
      'unauthorized_client',
      'client may not use token exchange',
    );
  if (form.get('subject_token_type') !== ACCESS_TOKEN_TYPE)
    return oauthError(400, 'invalid_request', 'unsupported subject_token_type');
  const subject = await verifySelfIssued(core, form.get('subject_token') ?? '');
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
  const access = await mintAccessToken(core, {
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
};

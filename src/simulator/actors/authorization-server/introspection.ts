/** RFC 7662 introspection (confidential clients only) and RFC 7009 revocation. */
import { basicCredentials, json, oauthError, readForm } from '../http-util';
import { decodeSegment } from '../jwt';
import { verifySelfIssued } from './tokens';
import type { AsCore } from './state';

export async function introspect(
  core: AsCore,
  request: Request,
): Promise<Response> {
  const { clients } = core;
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
  const claims = await verifySelfIssued(core, form.get('token') ?? '');
  if (!claims)
    return json(200, { active: false }, { 'cache-control': 'no-store' });
  return json(
    200,
    { active: true, token_type: 'Bearer', ...claims },
    { 'cache-control': 'no-store' },
  );
}

export async function revoke(
  core: AsCore,
  request: Request,
): Promise<Response> {
  const { refreshTokens, opaque, revokedJti } = core;
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

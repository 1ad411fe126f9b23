/**
 * RFC 7591 dynamic client registration: public clients only, https or
 * loopback redirect URIs, and no grant types beyond authorization_code and
 * refresh_token.
 */
import { isLoopback, json, oauthError, readJson } from '../http-util';
import type { AsCore } from './state';

export async function register(
  core: AsCore,
  request: Request,
): Promise<Response> {
  const { host, o, clients } = core;
  if (!o.dcrEnabled)
    return oauthError(404, 'not_found', 'registration is disabled');
  const body = (await readJson(request)) as Record<string, unknown> | undefined;
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
    typeof body.client_name === 'string' ? body.client_name : 'Unnamed client';
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

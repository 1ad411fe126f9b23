/**
 * The embedded AS's upstream callback: the IdP sends the user back with a
 * code, the AS redeems it with its own PKCE verifier, keeps the upstream
 * tokens under a session id (tsid), and issues its own code to the client.
 */
import type { StepContext } from '../../engine/host';
import { oauthError, readJson } from '../http-util';
import { decodeSegment } from '../jwt';
import { authorizeError, issueCode } from './authorize';
import { resolveClient } from './clients';
import type { AsCore } from './state';

export async function upstreamCallback(
  core: AsCore,
  ctx: StepContext,
  request: Request,
): Promise<Response> {
  const { host, o, url, clients, pending, upstreamStore } = core;
  const params = new URL(request.url).searchParams;
  const p = pending.get(params.get('state') ?? '');
  if (!p || !o.upstream)
    return oauthError(400, 'invalid_request', 'unknown upstream state');
  pending.delete(params.get('state') ?? '');
  const clientId = p.clientParams.get('client_id') ?? '';
  const redirectUri = p.clientParams.get('redirect_uri') ?? '';
  const client =
    clients.get(clientId) ?? (await resolveClient(core, ctx, clientId)).client;
  if (!client) return oauthError(400, 'invalid_client', 'client vanished');
  if (params.get('error')) {
    return authorizeError(
      core,
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
    ctx,
  );
  const body = (await readJson(res)) as
    { access_token?: string; id_token?: string } | undefined;
  if (res.status !== 200 || !body?.access_token) {
    return authorizeError(
      core,
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
    core,
    p.clientParams,
    client,
    redirectUri,
    p.scope,
    p.resource,
    sub,
    tsid,
  );
}

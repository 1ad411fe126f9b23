/**
 * The token endpoint: redeem the authorization code with the PKCE verifier
 * and the resource indicator, or use a refresh token; authenticate the way
 * registration settled on (none, client_secret_basic, client_secret_post).
 */
import { ClientSecretPost, None, type ClientAuth } from 'oauth4webapi';
import { SimError } from '../../engine/errors';
import { decodeToken } from '../jwt';
import { basicHeader, readJson } from '../http-util';
import {
  errorDescription,
  failedCheck,
  need,
  oauthFailure,
  type ClientCore,
  type ClientState,
} from './context';

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  error?: unknown;
  error_description?: unknown;
}

/**
 * client_secret_basic (RFC 6749 §2.3.1). Not oauth4webapi's ClientSecretBasic:
 * that one also percent-encodes "-", "." and "_", which is legal but which
 * servers that skip the form-decoding step (the MCP conformance suite's
 * mock AS among them) then read as a different client id.
 */
function clientSecretBasic(secret: string): ClientAuth {
  return (_as, client, _body, headers) => {
    headers.set('authorization', basicHeader(client.client_id, secret));
  };
}

function clientAuth(s: ClientState): ClientAuth {
  const secret = s.clientSecret;
  if (secret === null || s.tokenEndpointAuthMethod === 'none') return None();
  return s.tokenEndpointAuthMethod === 'client_secret_post'
    ? ClientSecretPost(secret)
    : clientSecretBasic(secret);
}

export function tokenRequests({ host, o, s, send }: ClientCore) {
  /** POSTs the form to the token endpoint, authenticated as the client. */
  async function post(form: URLSearchParams): Promise<{
    res: Response;
    body: TokenResponse | undefined;
  }> {
    const as = need(s.as, 'authorization server metadata');
    const headers = new Headers({
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    });
    const clientId = need(s.clientId, 'client_id');
    await clientAuth(s)(as, { client_id: clientId }, form, headers);
    const res = await send(
      new Request(need(as.token_endpoint, 'token endpoint'), {
        method: 'POST',
        headers,
        body: form.toString(),
      }),
    );
    return { res, body: (await readJson(res)) as TokenResponse | undefined };
  }

  function keep(accessToken: string, body: TokenResponse): void {
    s.accessToken = accessToken;
    s.refreshToken =
      typeof body.refresh_token === 'string' ? body.refresh_token : null;
    host.ctx.tokens.push(decodeToken(accessToken, 'access-token'));
  }

  return {
    /** Token request: code, verifier and resource. */
    async exchangeCode(): Promise<string> {
      need(s.as, 'authorization server metadata');
      const verifier = need(s.verifier, 'PKCE verifier');
      const form = new URLSearchParams({
        grant_type: 'authorization_code',
        code: need(s.code, 'authorization code'),
        redirect_uri: o.redirectUri,
        client_id: need(s.clientId, 'client_id'),
        code_verifier:
          o.pkceFault === 'wrong-verifier'
            ? host.ids.token('wrong-verifier', 32)
            : verifier,
        resource: need(s.prm, 'PRM').resource,
      });
      const { res, body } = await post(form);
      if (res.status !== 200 || typeof body?.access_token !== 'string') {
        throw new SimError(
          'token_error',
          errorDescription(body) ?? `token endpoint answered ${res.status}`,
          { ...oauthFailure(res, body), ...failedCheck(host) },
        );
      }
      keep(body.access_token, body);
      return 'access token received';
    },

    /** Refresh token grant (used after a key rotation to get a freshly signed token). */
    async refresh(): Promise<string> {
      need(s.as, 'authorization server metadata');
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: need(s.refreshToken, 'refresh token'),
        client_id: need(s.clientId, 'client_id'),
        resource: need(s.prm, 'PRM').resource,
      });
      const { res, body } = await post(form);
      if (res.status !== 200 || typeof body?.access_token !== 'string') {
        throw new SimError(
          'token_error',
          `refresh failed with ${res.status}`,
          oauthFailure(res, body),
        );
      }
      keep(body.access_token, body);
      return 'new access token from the refresh token';
    },
  };
}

/**
 * The upstream identity provider the embedded authorization server delegates
 * login to. It signs in a fixed demo user, checks PKCE, and issues an RS256
 * access token (and ID token) with the user's claims.
 */
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import type { ActorHost } from '../engine/host';
import { signWithDemoKey, publicJwk } from './jwt';
import { json, oauthError, readForm, redirect } from './http-util';

export interface IdpOptions {
  issuer: string;
  clientId: string;
  user: { sub: string; email: string; groups: string[] };
  tokenTtl: number;
}

export function createIdp(host: ActorHost, options: IdpOptions) {
  const origin = new URL(options.issuer).origin;
  const codes = new Map<
    string,
    { redirectUri: string; challenge: string; used: boolean }
  >();

  async function handle(request: Request): Promise<Response> {
    const u = new URL(request.url);
    switch (`${request.method} ${u.pathname}`) {
      case 'GET /.well-known/openid-configuration':
        return json(200, {
          issuer: options.issuer,
          authorization_endpoint: `${origin}/authorize`,
          token_endpoint: `${origin}/token`,
          jwks_uri: `${origin}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      case 'GET /jwks':
        return json(
          200,
          { keys: [publicJwk('idp')] },
          { 'cache-control': 'public, max-age=3600' },
        );
      case 'GET /authorize': {
        const p = u.searchParams;
        if (p.get('client_id') !== options.clientId)
          return oauthError(400, 'invalid_client', 'unknown client');
        const redirectUri = p.get('redirect_uri') ?? '';
        if (
          p.get('code_challenge_method') !== 'S256' ||
          !p.get('code_challenge')
        ) {
          return oauthError(400, 'invalid_request', 'PKCE S256 required');
        }
        const code = host.ids.token('idp-code', 24);
        codes.set(code, {
          redirectUri,
          challenge: p.get('code_challenge') ?? '',
          used: false,
        });
        const target = new URL(redirectUri);
        target.searchParams.set('code', code);
        target.searchParams.set('state', p.get('state') ?? '');
        return redirect(target.toString());
      }
      case 'POST /token': {
        const form = await readForm(request);
        const rec = codes.get(form.get('code') ?? '');
        if (!rec || rec.used)
          return oauthError(400, 'invalid_grant', 'invalid code');
        rec.used = true;
        if (form.get('redirect_uri') !== rec.redirectUri)
          return oauthError(400, 'invalid_grant', 'redirect_uri mismatch');
        if (
          (await calculatePKCECodeChallenge(
            form.get('code_verifier') ?? '',
          )) !== rec.challenge
        ) {
          return oauthError(400, 'invalid_grant', 'PKCE verification failed');
        }
        const iat = host.clock.epochSeconds();
        const base = {
          iss: options.issuer,
          sub: options.user.sub,
          aud: options.clientId,
          iat,
          exp: iat + options.tokenTtl,
        };
        const accessToken = await signWithDemoKey(
          'idp',
          {
            ...base,
            email: options.user.email,
            groups: options.user.groups,
            scope: 'openid email',
          },
          { typ: 'at+jwt' },
        );
        const idToken = await signWithDemoKey('idp', {
          ...base,
          email: options.user.email,
        });
        return json(
          200,
          {
            access_token: accessToken,
            token_type: 'Bearer',
            expires_in: options.tokenTtl,
            id_token: idToken,
          },
          { 'cache-control': 'no-store' },
        );
      }
      default:
        return json(404, { error: 'not_found' });
    }
  }

  return { actor: 'idp' as const, origin, matches: () => true, handle };
}

/**
 * The authorization request: scope selection, PKCE S256, state and the
 * resource indicator, then the user agent's part: follow the authorization
 * endpoint's redirects to the client's redirect URI (or hand the URL to a
 * real user when the endpoint shows a page), and check the callback's state.
 */
import {
  AuthorizationResponseError,
  calculatePKCECodeChallenge,
  validateAuthResponse,
  type AuthorizationServer as AsMetadata,
} from 'oauth4webapi';
import { addCheck } from '../../engine/host';
import { SimError } from '../../engine/errors';
import { readJson } from '../http-util';
import {
  errorDescription,
  failedCheck,
  need,
  oauthFailure,
  type ClientCore,
  type OAuthErrorBody,
} from './context';

/** Redirects the user agent follows before it gives up. */
const MAX_HOPS = 6;

export function authorization({ host, o, s, send }: ClientCore) {
  /**
   * RFC 9207 §2.4, as 2026-07-28 requires: `iss`, when present, must equal
   * the recorded issuer by exact string comparison (no normalisation of case,
   * port, slash or escapes); when absent, the response is refused only if
   * the metadata advertises `iss` support. Runs before anything else in the
   * response is read, so a failed check never surfaces an `error` or
   * `error_description` it carries. Under 2025-11-25 the client ignores
   * `iss`, as that revision does not ask for it.
   */
  function checkIssuer(as: AsMetadata, cb: URL, status: number): void {
    if (o.revision !== '2026-07-28') return;
    const expected = need(s.expectedIssuer, 'recorded issuer');
    const iss = cb.searchParams.get('iss');
    const advertised =
      as.authorization_response_iss_parameter_supported === true;
    if (iss === null && !advertised) {
      addCheck(
        host.ctx,
        'authorization-response-iss',
        'skip',
        'no iss in the response, and the metadata does not advertise it, so the client proceeds',
      );
      return;
    }
    if (iss === expected) {
      addCheck(
        host.ctx,
        'authorization-response-iss',
        'pass',
        `iss equals the recorded issuer ${expected}`,
      );
      return;
    }
    addCheck(
      host.ctx,
      'authorization-response-iss',
      'fail',
      iss === null
        ? 'the metadata advertises iss, but the response has none'
        : `iss ${iss} is not the recorded issuer ${expected}`,
      { expected, actual: iss ?? 'no iss parameter' },
    );
    throw new SimError(
      'iss_mismatch',
      iss === null
        ? 'the authorization response has no iss although the authorization server advertises it'
        : 'the authorization response names another issuer: possible mix-up attack',
      { status, check: 'authorization-response-iss' },
    );
  }

  /** Validates the callback URL and keeps the code. */
  function acceptCallback(
    as: AsMetadata,
    clientId: string,
    callback: string,
    status: number,
  ): string {
    const cb = new URL(callback);
    const expectedState = need(s.state, 'state');
    checkIssuer(as, cb, status);
    // The issuer is settled above (or ignored under 2025-11-25), so the
    // library's own RFC 9207 check is switched off for the rest.
    const rest = new URLSearchParams(cb.searchParams);
    rest.delete('iss');
    try {
      const params = validateAuthResponse(
        { ...as, authorization_response_iss_parameter_supported: false },
        { client_id: clientId },
        rest,
        expectedState,
      );
      s.code = params.get('code');
      addCheck(
        host.ctx,
        'callback-state',
        'pass',
        'state in the callback equals the state sent',
      );
      return `authorization code received at ${o.redirectUri}`;
    } catch (e) {
      if (e instanceof AuthorizationResponseError) {
        addCheck(
          host.ctx,
          'callback-state',
          'pass',
          'state in the callback equals the state sent',
        );
        throw new SimError(
          'authorization_error',
          e.error_description ?? e.error,
          { status, oauthError: e.error, ...failedCheck(host) },
        );
      }
      addCheck(
        host.ctx,
        'callback-state',
        'fail',
        `callback state ${cb.searchParams.get('state') ?? '(none)'} is not the state the client sent`,
        {
          expected: expectedState,
          actual: cb.searchParams.get('state') ?? '(none)',
        },
      );
      throw new SimError('state_mismatch', (e as Error).message, {
        status,
        check: 'callback-state',
      });
    }
  }

  return {
    /** Builds the authorization request and follows redirects to the callback. */
    async authorize(scopeOverride: string | null = null): Promise<string> {
      const as = need(s.as, 'authorization server metadata');
      const clientId = need(s.clientId, 'client_id');
      const prm = need(s.prm, 'protected resource metadata');
      // Scope selection: the challenge's scope, else scopes_supported, else none.
      const scope =
        scopeOverride ??
        s.challenge?.params.scope ??
        (prm.scopes_supported?.length ? prm.scopes_supported.join(' ') : null);
      s.scope = scope;
      s.verifier = host.ids.token('pkce-verifier', 32);
      s.state = host.ids.token('state', 16);
      // 2026-07-28: record the issuer with the verifier and state.
      s.expectedIssuer = o.revision === '2026-07-28' ? as.issuer : null;
      const url = new URL(
        need(as.authorization_endpoint, 'authorization endpoint'),
      );
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', clientId);
      url.searchParams.set('redirect_uri', o.redirectUri);
      if (scope) url.searchParams.set('scope', scope);
      url.searchParams.set('state', s.state);
      url.searchParams.set(
        'code_challenge',
        await calculatePKCECodeChallenge(s.verifier),
      );
      url.searchParams.set('code_challenge_method', 'S256');
      url.searchParams.set('resource', prm.resource);
      let next = url.toString();
      for (let hop = 0; hop < MAX_HOPS; hop++) {
        const res = await send(new Request(next, { redirect: 'manual' }));
        if (res.status === 200 && o.userAgent) {
          // A login or consent page: a person has to take it from here.
          const callback = await o.userAgent(url.toString());
          return acceptCallback(as, clientId, callback, 302);
        }
        if (res.status < 300 || res.status >= 400) {
          const body = (await readJson(res)) as OAuthErrorBody | undefined;
          throw new SimError(
            'authorization_error',
            errorDescription(body) ??
              `authorization endpoint answered ${res.status}`,
            { ...oauthFailure(res, body), ...failedCheck(host) },
          );
        }
        const location = res.headers.get('location');
        if (!location)
          throw new SimError(
            'authorization_error',
            'redirect without a Location header',
            { status: res.status },
          );
        const target = new URL(location, next).toString();
        if (!target.startsWith(o.redirectUri)) {
          next = target;
          continue;
        }
        return acceptCallback(as, clientId, target, res.status);
      }
      throw new SimError(
        'redirect_loop',
        'too many redirects during authorization',
      );
    },
  };
}

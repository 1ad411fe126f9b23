/**
 * Client registration in the spec's order of preference: a pre-registered
 * client id, then a client ID metadata document URL, then dynamic client
 * registration (RFC 7591), else ask the user. Also decides how the client
 * will authenticate at the token endpoint.
 */
import type { AuthorizationServer as AsMetadata } from 'oauth4webapi';
import { addCheck } from '../../engine/host';
import { SimError } from '../../engine/errors';
import { readJson } from '../http-util';
import {
  need,
  oauthFailure,
  type ClientCore,
  type TokenEndpointAuthMethod,
} from './context';

const SECRET_METHODS: readonly TokenEndpointAuthMethod[] = [
  'client_secret_basic',
  'client_secret_post',
];

function isSecretMethod(value: unknown): value is TokenEndpointAuthMethod {
  return SECRET_METHODS.includes(value as TokenEndpointAuthMethod);
}

/**
 * The method to ask for in a registration request: `none` (a public client)
 * when the AS allows it or says nothing, else the first secret method it
 * lists that the client can do.
 */
export function registrationAuthMethod(
  as: AsMetadata,
): TokenEndpointAuthMethod {
  const supported = as.token_endpoint_auth_methods_supported;
  if (!supported || supported.includes('none')) return 'none';
  return supported.find(isSecretMethod) ?? 'none';
}

/**
 * How to send a secret the client holds: the method its registration named,
 * else one the AS lists (RFC 8414 §2: client_secret_basic when it lists none).
 */
export function secretAuthMethod(
  as: AsMetadata,
  registered: unknown,
): TokenEndpointAuthMethod {
  if (isSecretMethod(registered)) return registered;
  const supported = as.token_endpoint_auth_methods_supported;
  if (!supported) return 'client_secret_basic';
  return supported.find(isSecretMethod) ?? 'client_secret_basic';
}

/**
 * The `application_type` 2026-07-28 asks for in DCR (OpenID Connect
 * Registration's values): `native` when the redirect URI is on the loopback
 * interface (a desktop or command-line client catching the redirect on
 * 127.0.0.1, like the demo client and scripts/client.ts), `web` for a client
 * whose redirect URI is a remotely hosted page.
 */
export function applicationType(redirectUri: string): 'native' | 'web' {
  const host = new URL(redirectUri).hostname;
  return host === '127.0.0.1' || host === '[::1]' || host === 'localhost'
    ? 'native'
    : 'web';
}

interface RegistrationResponse {
  client_id?: unknown;
  client_secret?: unknown;
  token_endpoint_auth_method?: unknown;
  error?: unknown;
}

export function registration({ host, o, s, send }: ClientCore) {
  /**
   * Credentials persisted from before: reused as they are under 2025-11-25;
   * under 2026-07-28 only with the AS that issued them. Returns the outcome
   * when they were used, null when the client must register instead.
   */
  function useHeldCredentials(as: AsMetadata): string | null {
    const held = o.heldCredentials;
    if (!held) return null;
    if (o.revision === '2026-07-28') {
      if (held.issuer !== as.issuer) {
        addCheck(
          host.ctx,
          'client-credentials-issuer',
          'fail',
          `client_id ${held.clientId} was issued by ${held.issuer}, not ${as.issuer}`,
          { expected: as.issuer, actual: held.issuer },
        );
        // Pre-registered credentials for another AS: report, do not try them.
        if (held.kind === 'pre-registered')
          throw new SimError(
            'credentials_bound_to_other_issuer',
            'the pre-registered client_id belongs to another authorization server',
            { check: 'client-credentials-issuer' },
          );
        return null;
      }
      addCheck(
        host.ctx,
        'client-credentials-issuer',
        'pass',
        `client_id ${held.clientId} was issued by ${as.issuer}`,
      );
    }
    s.clientId = held.clientId;
    s.registration = held.kind;
    s.clientSecret = held.clientSecret ?? null;
    s.tokenEndpointAuthMethod = s.clientSecret
      ? secretAuthMethod(as, null)
      : 'none';
    return `reusing the client_id ${held.clientId} kept from ${held.kind === 'dcr' ? 'an earlier registration' : 'pre-registration'}`;
  }

  return {
    /** Registration priority: held credentials, pre-registered, then CIMD, then DCR. */
    async register(): Promise<string> {
      const as = need(s.as, 'authorization server metadata');
      const reused = useHeldCredentials(as);
      if (reused) return reused;
      if (o.preRegisteredClientId) {
        s.clientId = o.preRegisteredClientId;
        s.registration = 'pre-registered';
        const secret = o.preRegisteredClientSecret ?? null;
        s.clientSecret = secret;
        s.tokenEndpointAuthMethod = secret
          ? secretAuthMethod(as, null)
          : 'none';
        return `using pre-registered client_id ${s.clientId}`;
      }
      if (o.supportsCimd && as.client_id_metadata_document_supported === true) {
        s.clientId = o.cimdUrl;
        s.registration = 'cimd';
        s.tokenEndpointAuthMethod = 'none';
        return `using the client ID metadata document URL as client_id`;
      }
      if (as.registration_endpoint) {
        const res = await send(
          new Request(as.registration_endpoint, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
            },
            body: JSON.stringify({
              client_name: o.clientName,
              redirect_uris: [o.redirectUri],
              grant_types: ['authorization_code', 'refresh_token'],
              response_types: ['code'],
              token_endpoint_auth_method: registrationAuthMethod(as),
              ...(o.revision === '2026-07-28'
                ? { application_type: applicationType(o.redirectUri) }
                : {}),
            }),
          }),
        );
        const body = (await readJson(res)) as RegistrationResponse | undefined;
        if (res.status !== 201 || typeof body?.client_id !== 'string') {
          throw new SimError(
            'registration_failed',
            `registration returned ${res.status}`,
            oauthFailure(res, body),
          );
        }
        s.clientId = body.client_id;
        s.registration = 'dcr';
        if (typeof body.client_secret === 'string') {
          s.clientSecret = body.client_secret;
          s.tokenEndpointAuthMethod = secretAuthMethod(
            as,
            body.token_endpoint_auth_method,
          );
        } else {
          s.clientSecret = null;
          s.tokenEndpointAuthMethod = 'none';
        }
        return o.revision === '2026-07-28'
          ? `registered dynamically as ${s.clientId} (DCR: the deprecated fallback when the AS has no CIMD support)`
          : `registered dynamically as ${s.clientId}`;
      }
      throw new SimError(
        'registration_failed',
        'no registration option: ask the user for client details',
      );
    },
  };
}

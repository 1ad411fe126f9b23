/**
 * Client registration in the spec's order of preference: a pre-registered
 * client id, then a client ID metadata document URL, then dynamic client
 * registration (RFC 7591), else ask the user. Also decides how the client
 * will authenticate at the token endpoint.
 */
import type { AuthorizationServer as AsMetadata } from 'oauth4webapi';
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

interface RegistrationResponse {
  client_id?: unknown;
  client_secret?: unknown;
  token_endpoint_auth_method?: unknown;
  error?: unknown;
}

export function registration({ o, s, send }: ClientCore) {
  return {
    /** Registration priority: pre-registered, then CIMD, then DCR. */
    async register(): Promise<string> {
      const as = need(s.as, 'authorization server metadata');
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
        return `registered dynamically as ${s.clientId}`;
      }
      throw new SimError(
        'registration_failed',
        'no registration option: ask the user for client details',
      );
    },
  };
}

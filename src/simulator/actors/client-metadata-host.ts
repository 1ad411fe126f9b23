/** Serves the client's Client ID Metadata Document at its https URL. */
import { json } from './http-util';

export interface ClientMetadataOptions {
  clientIdUrl: string;
  redirectUris: string[];
  clientName: string;
}

function clientMetadataDocument(
  o: ClientMetadataOptions,
): Record<string, unknown> {
  const u = new URL(o.clientIdUrl);
  return {
    client_id: o.clientIdUrl,
    client_name: o.clientName,
    client_uri: u.origin,
    redirect_uris: o.redirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  };
}

export function createClientMetadataHost(o: ClientMetadataOptions) {
  const u = new URL(o.clientIdUrl);
  return {
    actor: 'client-metadata-host' as const,
    origin: u.origin,
    matches: (pathname: string) => pathname === u.pathname,
    handle: async (request: Request): Promise<Response> =>
      request.method === 'GET'
        ? json(200, clientMetadataDocument(o), {
            'cache-control': 'public, max-age=3600',
          })
        : json(405, { error: 'method_not_allowed' }),
  };
}

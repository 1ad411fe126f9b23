/** RFC 8414 and OpenID Connect discovery documents, and the JWKS. */
import { json } from '../http-util';
import { publicJwk } from '../jwt';
import { TOKEN_EXCHANGE_GRANT } from './options';
import type { AsCore } from './state';

export function metadata(
  core: AsCore,
  kind: 'oauth' | 'oidc',
): Record<string, unknown> {
  const { o, url } = core;
  const m: Record<string, unknown> = {
    issuer: o.metadataIssuerOverride ?? o.issuer,
    authorization_endpoint: url(o.paths.authorize),
    token_endpoint: url(o.paths.token),
  };
  if (o.dcrEnabled) m.registration_endpoint = url(o.paths.register);
  m.jwks_uri = url(o.paths.jwks);
  if (o.paths.introspect) m.introspection_endpoint = url(o.paths.introspect);
  if (o.paths.revoke) m.revocation_endpoint = url(o.paths.revoke);
  m.response_types_supported = ['code'];
  m.grant_types_supported = [
    'authorization_code',
    'refresh_token',
    TOKEN_EXCHANGE_GRANT,
  ];
  if (o.advertiseS256) m.code_challenge_methods_supported = ['S256'];
  m.token_endpoint_auth_methods_supported = ['none', 'client_secret_basic'];
  m.scopes_supported = o.scopesSupported;
  if (o.cimdSupported) m.client_id_metadata_document_supported = true;
  if (o.sendIss) m.authorization_response_iss_parameter_supported = true;
  if (kind === 'oidc') {
    m.subject_types_supported = ['public'];
    m.id_token_signing_alg_values_supported = ['RS256'];
  }
  return m;
}

export function jwks(core: AsCore): Response {
  const { o, keys } = core;
  const headers: Record<string, string> = {};
  if (o.jwksMaxAge !== null)
    headers['cache-control'] = `public, max-age=${o.jwksMaxAge}`;
  return json(200, { keys: keys.published.map((k) => publicJwk(k)) }, headers);
}

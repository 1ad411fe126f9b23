/**
 * The examples the RFCs themselves print, as they print them (header lines
 * folded where the RFC folds them). Running them through the same checkers
 * as the engine's output shows the checkers accept what the standards show.
 */

/** RFC 6750 §3: a challenge with only a realm, then an expired-token error. */
export const RFC6750_CHALLENGES = [
  'Bearer realm="example"',
  'Bearer realm="example",\n' +
    '                       error="invalid_token",\n' +
    '                       error_description="The access token expired"',
];

/** RFC 9728 §5.1: the resource_metadata parameter (the RFC folds after "="). */
export const RFC9728_CHALLENGE =
  'Bearer resource_metadata=\n' +
  '       "https://resource.example.com/.well-known/oauth-protected-resource"';

/** RFC 9110 §11.6.1: two challenges in one field, with escapes. */
export const RFC9110_CHALLENGES =
  'Newauth realm="apps", type=1,\n' +
  '                       title="Login to \\"apps\\"", Basic realm="simple"';

/** RFC 9728 §3.1: the metadata URL for a resource with a path. */
export const RFC9728_WELL_KNOWN = {
  resource: 'https://resource.example.com/resource1',
  url: 'https://resource.example.com/.well-known/oauth-protected-resource/resource1',
};

/** RFC 9728 §3.2: the example metadata response. */
export const RFC9728_METADATA = {
  resource: 'https://resource.example.com',
  authorization_servers: ['https://as1.example.com', 'https://as2.example.net'],
  bearer_methods_supported: ['header', 'body'],
  scopes_supported: ['profile', 'email', 'phone'],
  resource_documentation:
    'https://resource.example.com/resource_documentation.html',
};

/** RFC 8414 §3.1: the metadata URL for an issuer with a path. */
export const RFC8414_WELL_KNOWN = {
  issuer: 'https://example.com/issuer1',
  url: 'https://example.com/.well-known/oauth-authorization-server/issuer1',
};

/** RFC 8414 §3.2: the example metadata response. */
export const RFC8414_METADATA = {
  issuer: 'https://server.example.com',
  authorization_endpoint: 'https://server.example.com/authorize',
  token_endpoint: 'https://server.example.com/token',
  token_endpoint_auth_methods_supported: [
    'client_secret_basic',
    'private_key_jwt',
  ],
  token_endpoint_auth_signing_alg_values_supported: ['RS256', 'ES256'],
  userinfo_endpoint: 'https://server.example.com/userinfo',
  jwks_uri: 'https://server.example.com/jwks.json',
  registration_endpoint: 'https://server.example.com/register',
  scopes_supported: [
    'openid',
    'profile',
    'email',
    'address',
    'phone',
    'offline_access',
  ],
  response_types_supported: ['code', 'code token'],
  service_documentation: 'http://server.example.com/service_documentation.html',
  ui_locales_supported: ['en-US', 'en-GB', 'en-CA', 'fr-FR', 'fr-CA'],
};

/**
 * Checks of the two discovery documents against their RFCs, written from the
 * RFC text: protected resource metadata (RFC 9728 §2, §3, §3.3) and
 * authorization server metadata (RFC 8414 §2, §3, §3.3). Each returns the
 * problems found; none means the document conforms.
 */
import { isHttpsUrl } from './bearer-challenge';

type Json = Record<string, unknown>;

/**
 * RFC 9728 §3: the well-known string goes between the host and the path
 * and/or query of the resource identifier; a slash right after the host is
 * dropped first.
 */
export function protectedResourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.origin}/.well-known/oauth-protected-resource${path}${url.search}`;
}

/**
 * RFC 8414 §3: the well-known string goes between the host and the path of
 * the issuer, after removing a terminating "/". §5 uses the same rule for
 * `openid-configuration`.
 */
export function authorizationServerMetadataUrl(
  issuer: string,
  suffix = 'oauth-authorization-server',
): string {
  const url = new URL(issuer);
  return `${url.origin}/.well-known/${suffix}${url.pathname.replace(/\/$/, '')}`;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function hasFragment(value: string): boolean {
  return new URL(value).hash !== '' || value.includes('#');
}

function checkFields(
  doc: Json,
  kinds: Record<string, 'url' | 'https-url' | 'strings' | 'string' | 'boolean'>,
  problems: string[],
): void {
  for (const [name, kind] of Object.entries(kinds)) {
    if (!(name in doc)) continue;
    const value = doc[name];
    const ok =
      kind === 'url'
        ? typeof value === 'string' && URL.canParse(value)
        : kind === 'https-url'
          ? isHttpsUrl(value)
          : kind === 'strings'
            ? isStringArray(value)
            : kind === 'string'
              ? typeof value === 'string' && value !== ''
              : typeof value === 'boolean';
    if (!ok)
      problems.push(
        `${name} is not ${kind === 'strings' ? 'an array of strings' : `a ${kind}`}`,
      );
  }
}

/**
 * RFC 9728 §2 members, and §3.3: `resource` must be identical to the resource
 * identifier the metadata URL was built from (`expectedResource`).
 */
export function protectedResourceMetadataProblems(
  doc: unknown,
  expectedResource?: string,
): string[] {
  if (!isObject(doc)) return ['is not a JSON object'];
  const problems: string[] = [];
  const resource = doc.resource;
  if (resource === undefined) problems.push('resource is missing (REQUIRED)');
  else if (!isHttpsUrl(resource)) problems.push('resource is not an https URL');
  else if (hasFragment(resource as string))
    problems.push('resource has a fragment');
  if (expectedResource !== undefined && resource !== expectedResource)
    problems.push(
      `resource ${JSON.stringify(resource)} is not identical to ${JSON.stringify(expectedResource)} (§3.3)`,
    );
  checkFields(
    doc,
    {
      authorization_servers: 'strings',
      jwks_uri: 'https-url',
      scopes_supported: 'strings',
      bearer_methods_supported: 'strings',
      resource_signing_alg_values_supported: 'strings',
      resource_name: 'string',
      resource_documentation: 'url',
      resource_policy_uri: 'url',
      resource_tos_uri: 'url',
      tls_client_certificate_bound_access_tokens: 'boolean',
      authorization_details_types_supported: 'strings',
      dpop_signing_alg_values_supported: 'strings',
      dpop_bound_access_tokens_required: 'boolean',
      signed_metadata: 'string',
    },
    problems,
  );
  if (isStringArray(doc.authorization_servers)) {
    for (const issuer of doc.authorization_servers)
      problems.push(
        ...issuerProblems(issuer).map((p) => `authorization_servers: ${p}`),
      );
  }
  if (isStringArray(doc.bearer_methods_supported)) {
    for (const method of doc.bearer_methods_supported)
      if (!['header', 'body', 'query'].includes(method))
        problems.push(`bearer_methods_supported has ${JSON.stringify(method)}`);
  }
  if (
    isStringArray(doc.resource_signing_alg_values_supported) &&
    doc.resource_signing_alg_values_supported.includes('none')
  )
    problems.push('resource_signing_alg_values_supported lists none');
  return problems;
}

/** RFC 8414 §2: an issuer is an https URL with no query or fragment. */
function issuerProblems(issuer: unknown): string[] {
  if (!isHttpsUrl(issuer))
    return [`issuer ${JSON.stringify(issuer)} is not an https URL`];
  const url = new URL(issuer as string);
  const problems: string[] = [];
  if (url.search !== '' || (issuer as string).includes('?'))
    problems.push(`issuer ${issuer as string} has a query`);
  if (hasFragment(issuer as string))
    problems.push(`issuer ${issuer as string} has a fragment`);
  return problems;
}

/**
 * RFC 8414 §2 members, and §3.3: `issuer` must be identical to the issuer
 * the metadata URL was built from (`expectedIssuer`).
 */
export function authorizationServerMetadataProblems(
  doc: unknown,
  expectedIssuer?: string,
): string[] {
  if (!isObject(doc)) return ['is not a JSON object'];
  const problems: string[] = [];
  if (doc.issuer === undefined) problems.push('issuer is missing (REQUIRED)');
  else problems.push(...issuerProblems(doc.issuer));
  if (expectedIssuer !== undefined && doc.issuer !== expectedIssuer)
    problems.push(
      `issuer ${JSON.stringify(doc.issuer)} is not identical to ${JSON.stringify(expectedIssuer)} (§3.3)`,
    );
  // Defaults when absent: ["authorization_code", "implicit"].
  const grants = isStringArray(doc.grant_types_supported)
    ? doc.grant_types_supported
    : ['authorization_code', 'implicit'];
  const usesAuthorizationEndpoint = grants.some(
    (g) => g === 'authorization_code' || g === 'implicit',
  );
  const onlyImplicit =
    grants.length > 0 && grants.every((g) => g === 'implicit');
  if (usesAuthorizationEndpoint && doc.authorization_endpoint === undefined)
    problems.push(
      'authorization_endpoint is missing (REQUIRED for these grant types)',
    );
  if (!onlyImplicit && doc.token_endpoint === undefined)
    problems.push('token_endpoint is missing (REQUIRED unless only implicit)');
  if (
    !isStringArray(doc.response_types_supported) ||
    doc.response_types_supported.length === 0
  )
    problems.push('response_types_supported is missing or empty (REQUIRED)');
  checkFields(
    doc,
    {
      authorization_endpoint: 'url',
      token_endpoint: 'url',
      jwks_uri: 'url',
      registration_endpoint: 'url',
      scopes_supported: 'strings',
      response_types_supported: 'strings',
      response_modes_supported: 'strings',
      grant_types_supported: 'strings',
      token_endpoint_auth_methods_supported: 'strings',
      token_endpoint_auth_signing_alg_values_supported: 'strings',
      service_documentation: 'url',
      ui_locales_supported: 'strings',
      op_policy_uri: 'url',
      op_tos_uri: 'url',
      revocation_endpoint: 'url',
      revocation_endpoint_auth_methods_supported: 'strings',
      introspection_endpoint: 'url',
      introspection_endpoint_auth_methods_supported: 'strings',
      code_challenge_methods_supported: 'strings',
      signed_metadata: 'string',
    },
    problems,
  );
  for (const name of ['authorization_endpoint', 'token_endpoint']) {
    const value = doc[name];
    if (typeof value === 'string' && URL.canParse(value) && hasFragment(value))
      problems.push(`${name} has a fragment (RFC 6749 §3.1, §3.2)`);
  }
  // §2: "none" must not be listed for the token endpoint's signed JWTs.
  for (const name of [
    'token_endpoint_auth_signing_alg_values_supported',
    'revocation_endpoint_auth_signing_alg_values_supported',
    'introspection_endpoint_auth_signing_alg_values_supported',
  ]) {
    const value = doc[name];
    if (isStringArray(value) && value.includes('none'))
      problems.push(`${name} lists none`);
  }
  return problems;
}

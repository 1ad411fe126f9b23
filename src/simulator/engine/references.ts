/**
 * One registry of every reference the simulator cites: MCP spec sections,
 * RFC sections, and ToolHive source lines pinned to one commit. Steps, checks,
 * deviations and the docs all point here by id.
 */

export interface Reference {
  id: string;
  title: string;
  url: string;
}

const TOOLHIVE_COMMIT = 'e25de16cf9720b13cf0b400c861a2f6840e2763c';
const SPEC =
  'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization';
const BEST =
  'https://modelcontextprotocol.io/specification/2025-11-25/basic/security_best_practices';

const NEXT =
  'https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization';

/** A 2026-07-28 anchor: `page` is '' for the index page, else a sub-page. */
function next(
  page:
    | ''
    | 'authorization-server-discovery'
    | 'client-registration'
    | 'security-considerations',
  fragment: string,
  title: string,
): { title: string; url: string } {
  return {
    title: `MCP authorization 2026-07-28: ${title}`,
    url: `${NEXT}${page ? `/${page}` : ''}#${fragment}`,
  };
}

function spec(fragment: string, title: string): { title: string; url: string } {
  return { title: `MCP authorization: ${title}`, url: `${SPEC}#${fragment}` };
}
function rfc(
  n: number,
  section: string | null,
  title: string,
): { title: string; url: string } {
  const url = `https://www.rfc-editor.org/rfc/rfc${n}${section ? `#section-${section}` : ''}`;
  return { title: `RFC ${n}${section ? ` §${section}` : ''}: ${title}`, url };
}
function thv(
  path: string,
  from: number,
  to?: number,
): { title: string; url: string } {
  const lines = to ? `L${from}-L${to}` : `L${from}`;
  return {
    title: `ToolHive ${path}:${from}${to ? `-${to}` : ''}`,
    url: `https://github.com/stacklok/toolhive/blob/${TOOLHIVE_COMMIT}/${path}#${lines}`,
  };
}

const RAW = {
  // MCP 2026-07-28 authorization (changes listed in the spec's changelog)
  'next-auth-response-validation': next(
    '',
    'authorization-response-validation',
    'authorization response validation',
  ),
  'next-mix-up': next(
    'security-considerations',
    'mix-up-attacks',
    'mix-up attacks',
  ),
  'next-as-metadata-discovery': next(
    'authorization-server-discovery',
    'authorization-server-metadata-discovery',
    'authorization server metadata discovery',
  ),
  'next-as-location': next(
    'authorization-server-discovery',
    'authorization-server-location',
    'authorization server location',
  ),
  'next-client-registration': next(
    '',
    'client-registration',
    'client registration',
  ),
  'next-dcr': next(
    'client-registration',
    'dynamic-client-registration',
    'dynamic client registration (deprecated)',
  ),
  'next-application-type': next(
    'client-registration',
    'application-type-and-redirect-uri-constraints',
    'application type and redirect URI constraints',
  ),
  'next-as-binding': next(
    'client-registration',
    'authorization-server-binding',
    'authorization server binding',
  ),
  'next-scope-selection': next(
    '',
    'scope-selection-strategy',
    'scope selection strategy',
  ),
  'next-step-up': next(
    '',
    'step-up-authorization-flow',
    'step-up authorization flow',
  ),
  'next-insufficient-scope': next(
    '',
    'runtime-insufficient-scope-errors',
    'runtime insufficient scope errors',
  ),
  'next-refresh-tokens': next('', 'refresh-tokens', 'refresh tokens'),
  'next-changelog': {
    title: 'MCP 2026-07-28 changelog: major changes',
    url: 'https://modelcontextprotocol.io/specification/2026-07-28/changelog#major-changes',
  },
  'rfc9207-2.4': rfc(9207, '2.4', 'validating the issuer identifier'),
  // MCP 2025-11-25 authorization
  'spec-overview': spec('overview', 'overview'),
  'spec-as-location': spec(
    'authorization-server-location',
    'authorization server location',
  ),
  'spec-prm-discovery': spec(
    'protected-resource-metadata-discovery-requirements',
    'protected resource metadata discovery',
  ),
  'spec-as-metadata-discovery': spec(
    'authorization-server-metadata-discovery',
    'authorization server metadata discovery',
  ),
  'spec-client-registration': spec(
    'client-registration-approaches',
    'client registration approaches',
  ),
  'spec-cimd': spec(
    'client-id-metadata-documents',
    'client ID metadata documents',
  ),
  'spec-preregistration': spec('preregistration', 'preregistration'),
  'spec-dcr': spec(
    'dynamic-client-registration',
    'dynamic client registration',
  ),
  'spec-scope-selection': spec(
    'scope-selection-strategy',
    'scope selection strategy',
  ),
  'spec-resource-parameter': spec(
    'resource-parameter-implementation',
    'resource parameter implementation',
  ),
  'spec-token-requirements': spec('token-requirements', 'token requirements'),
  'spec-token-handling': spec('token-handling', 'token handling'),
  'spec-error-handling': spec('error-handling', 'error handling'),
  'spec-insufficient-scope': spec(
    'runtime-insufficient-scope-errors',
    'runtime insufficient scope errors',
  ),
  'spec-step-up': spec(
    'step-up-authorization-flow',
    'step-up authorization flow',
  ),
  'spec-audience-binding': spec(
    'token-audience-binding-and-validation',
    'token audience binding and validation',
  ),
  'spec-code-protection': spec(
    'authorization-code-protection',
    'authorization code protection',
  ),
  'spec-open-redirection': spec('open-redirection', 'open redirection'),
  'spec-confused-deputy': spec(
    'confused-deputy-problem',
    'confused deputy problem',
  ),
  'spec-privilege-restriction': spec(
    'access-token-privilege-restriction',
    'access token privilege restriction',
  ),
  'spec-token-passthrough': {
    title: 'MCP security best practices: token passthrough',
    url: `${BEST}#token-passthrough`,
  },
  // RFCs
  'rfc6750-3': rfc(6750, '3', 'the WWW-Authenticate response header'),
  'rfc6750-3.1': rfc(6750, '3.1', 'bearer error codes'),
  'rfc7591-3': rfc(7591, '3', 'client registration endpoint'),
  'rfc7636-4': rfc(7636, '4', 'PKCE protocol'),
  'rfc7636-appendix-b': {
    title: 'RFC 7636 Appendix B: S256 example',
    url: 'https://www.rfc-editor.org/rfc/rfc7636#appendix-B',
  },
  'rfc7662-2': rfc(7662, '2', 'token introspection endpoint'),
  'rfc7009-2': rfc(7009, '2', 'token revocation'),
  'rfc8414-3': rfc(8414, '3', 'obtaining authorization server metadata'),
  'rfc8414-3.3': rfc(8414, '3.3', 'authorization server metadata validation'),
  'rfc8693-2': rfc(8693, '2', 'token exchange request and response'),
  'rfc8707-2': rfc(8707, '2', 'resource parameter'),
  'rfc9068-2': rfc(9068, '2', 'JWT access token data structure'),
  'rfc9068-4': rfc(9068, '4', 'validating JWT access tokens'),
  'rfc9728-3': rfc(9728, '3', 'obtaining protected resource metadata'),
  'rfc9728-3.3': rfc(9728, '3.3', 'protected resource metadata validation'),
  'rfc9728-5.1': rfc(
    9728,
    '5.1',
    'WWW-Authenticate resource_metadata parameter',
  ),
  'rfc6749-4.1.2.1': rfc(6749, '4.1.2.1', 'authorization error response'),
  'rfc6749-10.12': rfc(6749, '10.12', 'cross-site request forgery'),
  'rfc7519-4.1.4': rfc(7519, '4.1.4', 'the exp claim'),
  'rfc8725-3.1': rfc(8725, '3.1', 'perform algorithm verification'),
  // ToolHive at the pinned commit
  'thv-well-known': thv('pkg/auth/well_known.go', 38, 51),
  'thv-prm-handler': thv('pkg/auth/token.go', 1349, 1400),
  'thv-prm-bearer-methods': thv('pkg/auth/token.go', 1386),
  'thv-www-authenticate': thv('pkg/auth/token.go', 1148, 1190),
  'thv-invalid-request': thv('pkg/auth/token.go', 1249, 1254),
  'thv-invalid-token': thv('pkg/auth/token.go', 1257, 1262),
  'thv-invalid-claims': thv('pkg/auth/token.go', 1264, 1271),
  'thv-oauth-error-body': thv('pkg/auth/token.go', 1206, 1218),
  'thv-validate-token': thv('pkg/auth/token.go', 1090, 1141),
  'thv-introspection-fallback': thv('pkg/auth/token.go', 1113),
  'thv-alg-kid': thv('pkg/auth/token.go', 881, 894),
  'thv-kid-lookup': thv('pkg/auth/token.go', 960, 969),
  'thv-validate-claims': thv('pkg/auth/token.go', 982, 1020),
  'thv-jwks-register': thv('pkg/auth/token.go', 727, 772),
  'thv-oidc-discovery': thv('pkg/auth/token.go', 594, 627),
  'thv-introspection-request': thv('pkg/auth/token.go', 288, 293),
  'thv-introspection-claims': thv('pkg/auth/token.go', 1022, 1061),
  'thv-sub-required': thv('pkg/auth/context.go', 189, 194),
  'thv-authz-methods': thv('pkg/authz/middleware.go', 36, 112),
  'thv-authz-deny': thv('pkg/authz/middleware.go', 149, 169),
  'thv-cedar-principal': thv('pkg/authz/authorizers/cedar/core.go', 806, 825),
  'thv-cedar-default-deny': thv(
    'pkg/authz/authorizers/cedar/core.go',
    547,
    552,
  ),
  'thv-cedar-upstream-claims': thv(
    'pkg/authz/authorizers/cedar/core.go',
    555,
    660,
  ),
  'thv-tool-filter': thv('pkg/authz/response_filter.go', 668, 725),
  'thv-passthrough': thv(
    'pkg/transport/proxy/transparent/transparent_proxy.go',
    1191,
    1201,
  ),
  'thv-upstream-swap': thv('pkg/auth/upstreamswap/middleware.go', 125, 128),
  'thv-strip-auth': thv('pkg/transport/middleware/strip_auth.go', 33, 42),
  'thv-token-exchange-request': thv(
    'pkg/oauthproto/tokenexchange/exchange.go',
    296,
    345,
  ),
  'thv-token-exchange-replace': thv(
    'pkg/oauthproto/tokenexchange/middleware.go',
    155,
    160,
  ),
  'thv-middleware-order': thv('pkg/runner/middleware.go', 63, 286),
  'thv-as-pkce': thv('pkg/authserver/server/provider.go', 285, 286),
  'thv-as-discovery': thv(
    'pkg/authserver/server/handlers/discovery.go',
    112,
    158,
  ),
  'thv-as-routes': thv('pkg/authserver/runner/embeddedauthserver.go', 360, 370),
  'thv-as-resource': thv('pkg/authserver/server/handlers/token.go', 72, 118),
  'thv-as-upstream-authorize': thv(
    'pkg/authserver/server/handlers/authorize.go',
    37,
    41,
  ),
  'thv-as-single-issuer': thv('pkg/vmcp/config/validator.go', 723, 727),
  'thv-token-exchange-handler': thv(
    'pkg/authserver/server/tokenexchange/handler.go',
    119,
    129,
  ),
} as const satisfies Record<string, { title: string; url: string }>;

export type RefId = keyof typeof RAW;

export const REFERENCES: Readonly<Record<RefId, Reference>> =
  Object.fromEntries(
    Object.entries(RAW).map(([id, r]) => [id, { id, ...r }]),
  ) as Record<RefId, Reference>;

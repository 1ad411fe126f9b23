/**
 * The one table that ties simulator steps to the concept pages. Each step
 * links to the section that explains it. Paths are site paths (docs are
 * served at the site root); anchors are the explicit heading ids in the MDX.
 * When a page is restructured, update this table only.
 */

export interface ConceptLink {
  /** Site path of the page, without the base URL. */
  path: string;
  /** Heading id on that page, without '#'. */
  anchor: string;
  /** The section's name, as the link text. */
  label: string;
}

const AUTH = '/concepts/auth-framework';
const BACKEND = '/concepts/backend-auth';

const link = (path: string, anchor: string, label: string): ConceptLink => ({
  path,
  anchor,
  label,
});

const CHALLENGE = link(AUTH, 'the-401-challenge', 'The 401 challenge');
const PKCE = link(AUTH, 'pkce', 'Proof Key for Code Exchange (PKCE)');
const VALIDATION = link(AUTH, 'token-validation', 'Token validation');
const JWKS = link(AUTH, 'jwks', 'Signing keys and JWKS');
const STATUS = link(AUTH, '401-and-403', '401 and 403 responses');

/** Step id to the section that explains it. */
export const STEP_CONCEPT_LINKS: Readonly<Record<string, ConceptLink>> = {
  probe_unauthenticated: CHALLENGE,
  fetch_resource_metadata: link(
    AUTH,
    'protected-resource-metadata',
    'Protected resource metadata',
  ),
  fetch_authorization_server_metadata: link(
    AUTH,
    'authorization-server-metadata',
    'Authorization server metadata',
  ),
  register_client: link(AUTH, 'client-registration', 'Client registration'),
  authorize: PKCE,
  exchange_code: PKCE,
  redeem_code_again: PKCE,
  call_initialize: VALIDATION,
  list_tools: link(
    AUTH,
    'list-filtering',
    'List filtering and always-allowed methods',
  ),
  call_tool: link(AUTH, 'cedar-policies', 'Cedar policies'),
  step_up_authorize: STATUS,
  step_up_exchange_code: STATUS,
  retry_tool_call: STATUS,
  call_without_token: CHALLENGE,
  present_crafted_token: VALIDATION,
  present_token_for_other_server: link(
    AUTH,
    'audience-binding',
    'Audience binding',
  ),
  present_service_account_token: link(
    AUTH,
    'embedded-authorization-server',
    'Embedded authorization server',
  ),
  wait_for_token_expiry: VALIDATION,
  call_with_expired_token: VALIDATION,
  rotate_signing_key: JWKS,
  refresh_access_token: JWKS,
  call_with_rotated_key: JWKS,
  wait_for_jwks_refresh: JWKS,
  retry_with_rotated_key: JWKS,
  revoke_token: link(AUTH, 'introspection', 'Opaque tokens and introspection'),
};

/** The section on what the backend receives in each mode. */
export const BACKEND_MODES_LINK = link(
  BACKEND,
  'modes',
  'What each mode sends',
);

/** Where the simulator's words for the four parties are defined. */
export const TERMINOLOGY_LINK = link(AUTH, 'terminology', 'Terminology');

/** Every anchor this table uses, for a test that they exist in the docs. */
export function allConceptLinks(): ConceptLink[] {
  return [
    ...Object.values(STEP_CONCEPT_LINKS),
    BACKEND_MODES_LINK,
    TERMINOLOGY_LINK,
  ];
}

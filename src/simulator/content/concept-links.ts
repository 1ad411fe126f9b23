/**
 * The one table that ties simulator steps to the concept pages. Each step
 * links to the section that explains it. Paths are site paths (docs are
 * served at the site root); anchors are the explicit heading ids in the MDX.
 * When a page is restructured, update this table only.
 */

import type { StepId } from '../scenarios/steps';

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

const REFERENCE = '/reference/authorization';

const TOKEN = link(AUTH, 'getting-a-token', 'Getting a token');
const PKCE = link(AUTH, 'pkce', 'Registration and PKCE');
const VALIDATION = link(AUTH, 'token-validation', 'Validating a token');
const CEDAR = link(AUTH, 'authorization-flow', 'Authorization with Cedar');
const JWKS = link(REFERENCE, 'jwks', 'Signing keys and JWKS');
const SPEC = link(
  AUTH,
  'spec-differences',
  'Where ToolHive differs from the MCP specification',
);

/** Step id to the section that explains it. */
const STEP_CONCEPT_LINKS: Readonly<Record<StepId, ConceptLink>> = {
  probe_unauthenticated: TOKEN,
  fetch_resource_metadata: TOKEN,
  fetch_authorization_server_metadata: TOKEN,
  register_client: PKCE,
  authorize: PKCE,
  exchange_code: PKCE,
  redeem_code_again: PKCE,
  call_initialize: VALIDATION,
  list_tools: CEDAR,
  call_tool: CEDAR,
  step_up_authorize: SPEC,
  step_up_exchange_code: SPEC,
  retry_tool_call: SPEC,
  call_without_token: TOKEN,
  present_crafted_token: VALIDATION,
  present_token_for_other_server: link(
    AUTH,
    'audience-binding',
    'Audience binding',
  ),
  present_service_account_token: link(
    AUTH,
    'identity-providers',
    'Where tokens come from',
  ),
  wait_for_token_expiry: VALIDATION,
  call_with_expired_token: VALIDATION,
  rotate_signing_key: JWKS,
  refresh_access_token: JWKS,
  call_with_rotated_key: JWKS,
  wait_for_jwks_refresh: JWKS,
  retry_with_rotated_key: JWKS,
  revoke_token: link(
    REFERENCE,
    'introspection',
    'Opaque tokens and introspection',
  ),
};

/** The section for a step id that came from a record (typed as a string). */
export function conceptLinkFor(stepId: string): ConceptLink | null {
  return (
    (STEP_CONCEPT_LINKS as Readonly<Record<string, ConceptLink | undefined>>)[
      stepId
    ] ?? null
  );
}

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

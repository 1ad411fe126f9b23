import type { CheckId } from './types';

/**
 * Stable codes for why a step stopped. Scenario tests assert on these, not on
 * message text.
 */
export type SimErrorCode =
  | 'challenge_missing'
  | 'prm_not_found'
  | 'prm_resource_mismatch'
  | 'as_metadata_not_found'
  | 'as_issuer_mismatch'
  | 'pkce_not_supported'
  | 'registration_failed'
  | 'authorization_error'
  | 'state_mismatch'
  | 'iss_mismatch'
  | 'credentials_bound_to_other_issuer'
  | 'token_error'
  | 'mcp_unauthorized'
  | 'mcp_forbidden'
  | 'mcp_error'
  | 'cedar_policy_invalid'
  | 'redirect_loop'
  | 'unhandled_request'
  | 'step_up_exhausted'
  | 'missing_prerequisite';

export interface SimErrorInit {
  /** HTTP status of the exchange that caused the failure, when there was one. */
  status?: number;
  /** OAuth or RFC 6750 error code from the response, for example `invalid_token`. */
  oauthError?: string;
  /** The check that failed, when one did. */
  check?: CheckId;
}

/**
 * A failure the simulated systems report on purpose (a 401, an OAuth error, a
 * client refusing to continue). Anything else thrown is an engine bug.
 */
export class SimError extends Error {
  readonly code: SimErrorCode;
  readonly status: number | undefined;
  readonly oauthError: string | undefined;
  readonly check: CheckId | undefined;

  constructor(code: SimErrorCode, message: string, init: SimErrorInit = {}) {
    super(message);
    this.name = 'SimError';
    this.code = code;
    this.status = init.status;
    this.oauthError = init.oauthError;
    this.check = init.check;
  }
}

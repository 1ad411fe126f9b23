/** What validation yields, and the helper that records a failed check. */
import type { CheckId, CheckVerdict } from '../../engine/types';

export interface ValidatorConfig {
  /** --oidc-issuer; '' means not configured. */
  issuer: string;
  /** --oidc-audience; '' means aud is not checked. */
  audience: string;
  /** --oidc-jwks-url; when null the JWKS URL comes from OIDC discovery of the issuer. */
  jwksUrl: string | null;
  /** --oidc-introspection-url; null means no introspection fallback. */
  introspectionUrl: string | null;
  clientId: string | null;
  clientSecret: string | null;
}

export interface ValidationResult {
  ok: boolean;
  claims: Record<string, unknown> | null;
  verdicts: CheckVerdict[];
  /** Which 401 ToolHive sends: a token error or the identity (sub) error. */
  failure: null | {
    kind: 'invalid_token' | 'invalid_claims';
    message: string;
    check: CheckId;
  };
  /** True when the token went down the introspection branch. */
  introspected: boolean;
}

/** Unix seconds as ISO 8601 UTC without milliseconds. */
export function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Returns `fail`: it records a failed check, marks the checks after it as not
 * reached, and builds the failed result.
 */
export function failureRecorder(v: CheckVerdict[], introspected: boolean) {
  return (
    id: CheckId,
    detail: string,
    message: string,
    rest: CheckId[],
    kind: 'invalid_token' | 'invalid_claims' = 'invalid_token',
    compare?: { expected: string; actual: string },
  ): ValidationResult => {
    v.push({ id, status: 'fail', detail, ...compare });
    for (const r of rest)
      v.push({ id: r, status: 'skip', detail: 'not reached' });
    return {
      ok: false,
      claims: null,
      verdicts: v,
      failure: { kind, message, check: id },
      introspected,
    };
  };
}

/**
 * ToolHive's validateClaims (iss exact, aud when configured, exp required)
 * and claimsToIdentity (sub required), after the signature or introspection.
 */
import type { CheckId, CheckVerdict } from '../../engine/types';
import { audienceList } from '../jwt';
import {
  failureRecorder,
  type ValidationResult,
  type ValidatorConfig,
} from './results';

/** ToolHive's validateClaims (iss, aud, exp required) and then claimsToIdentity (sub). */
export function claimsAndIdentity(
  config: ValidatorConfig,
  now: number,
  claims: Record<string, unknown>,
  v: CheckVerdict[],
  introspected: boolean,
  parsedJwt: boolean,
): ValidationResult {
  const fail = failureRecorder(v, introspected);
  const exp = claims.exp;
  if (parsedJwt) {
    if (typeof exp === 'number')
      v.push({
        id: 'exp',
        status: 'pass',
        detail: `expires in ${exp - now} s`,
      });
    v.push({
      id: 'nbf',
      status: 'pass',
      detail: typeof claims.nbf === 'number' ? 'nbf reached' : 'no nbf claim',
    });
  }
  const expPending = !parsedJwt || typeof exp !== 'number';
  if (config.issuer) {
    const iss = typeof claims.iss === 'string' ? claims.iss.trim() : '';
    if (iss !== config.issuer.trim()) {
      return fail(
        'iss',
        `iss ${String(claims.iss)} is not ${config.issuer}`,
        'invalid issuer',
        ['aud', ...(expPending ? (['exp'] as CheckId[]) : []), 'sub'],
        'invalid_token',
        { expected: config.issuer, actual: String(claims.iss) },
      );
    }
    v.push({
      id: 'iss',
      status: 'pass',
      detail: `iss equals ${config.issuer}`,
    });
  } else {
    v.push({ id: 'iss', status: 'skip', detail: 'no issuer configured' });
  }
  if (config.audience) {
    const list = audienceList(claims.aud);
    if (!list.includes(config.audience)) {
      return fail(
        'aud',
        `aud ${JSON.stringify(claims.aud ?? null)} does not contain ${config.audience}`,
        'invalid audience',
        [...(expPending ? (['exp'] as CheckId[]) : []), 'sub'],
        'invalid_token',
        {
          expected: config.audience,
          actual: list.length ? list.join(', ') : '(no aud claim)',
        },
      );
    }
    v.push({
      id: 'aud',
      status: 'pass',
      detail: `aud contains ${config.audience}`,
    });
  } else {
    v.push({
      id: 'aud',
      status: 'skip',
      detail: 'no audience configured, so aud is not checked',
    });
  }
  if (expPending) {
    // validateClaims: exp is required, and (for introspected claims) must be in the future.
    if (typeof exp !== 'number' || now > exp) {
      return fail(
        'exp',
        typeof exp !== 'number' ? 'exp claim missing' : 'expired',
        'token expired',
        ['sub'],
      );
    }
    v.push({
      id: 'exp',
      status: 'pass',
      detail: `expires in ${exp - now} s`,
    });
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') {
    return fail(
      'sub',
      'sub is missing or empty, so no identity can be built',
      'Invalid authentication claims',
      [],
      'invalid_claims',
      { expected: 'a non-empty sub claim', actual: 'no sub claim' },
    );
  }
  v.push({ id: 'sub', status: 'pass', detail: `identity ${claims.sub}` });
  return { ok: true, claims, verdicts: v, failure: null, introspected };
}

/**
 * "Check your own token": the simulated ToolHive checks the token's form,
 * algorithm and key; this file checks its claims against the issuer and
 * audience the reader gives, and goes on after a key the simulator cannot
 * know, marking what it could not verify. Pure: no engine, no DOM.
 */
import type { CheckVerdict } from '../../../simulator/engine/types';
import { audienceList } from '../../../simulator/actors/jwt';
import { humanTime, relativeTime } from './words';

export interface OwnSettings {
  /** The issuer your ToolHive is configured with; empty: not checked. */
  issuer: string;
  /** The audience (resource URL) your ToolHive expects; empty: not checked. */
  audience: string;
  /** Unix seconds to check exp and nbf against. */
  now: number;
}

const KEY_CHECKS = new Set(['jwks-key', 'signature']);
const FORM_CHECKS = new Set(['auth-header', 'jwt-parse', 'alg', 'kid']);

/** Marks a key or signature failure as "could not verify". */
function unverifiable(v: CheckVerdict): CheckVerdict {
  return {
    ...v,
    status: 'skip',
    detail: `could not verify: ${v.detail}. The simulator holds only its own demo keys, not your authorization server's`,
  };
}

function claimChecks(
  claims: Record<string, unknown>,
  s: OwnSettings,
  signed: boolean,
): CheckVerdict[] {
  const note = signed ? '' : ' (signature not verified)';
  const out: CheckVerdict[] = [];
  const exp = claims.exp;
  if (typeof exp !== 'number') {
    out.push({
      id: 'exp',
      status: 'fail',
      detail: `no exp claim; ToolHive requires one${note}`,
    });
  } else {
    const ok = s.now <= exp;
    out.push({
      id: 'exp',
      status: ok ? 'pass' : 'fail',
      detail: `exp ${humanTime(exp)} (${relativeTime(exp - s.now)})${note}`,
      ...(ok
        ? {}
        : { expected: `after ${humanTime(s.now)}`, actual: humanTime(exp) }),
    });
  }
  const nbf = claims.nbf;
  if (typeof nbf === 'number') {
    out.push({
      id: 'nbf',
      status: s.now >= nbf ? 'pass' : 'fail',
      detail: `nbf ${humanTime(nbf)} (${relativeTime(nbf - s.now)})${note}`,
    });
  }
  const iss = typeof claims.iss === 'string' ? claims.iss : null;
  if (!s.issuer.trim()) {
    out.push({
      id: 'iss',
      status: 'skip',
      detail: `not checked: enter the issuer you expect (the token says ${iss ?? 'nothing'})`,
    });
  } else {
    const ok = iss !== null && iss.trim() === s.issuer.trim();
    out.push({
      id: 'iss',
      status: ok ? 'pass' : 'fail',
      detail: `iss is ${iss ?? '(missing)'}${note}`,
      ...(ok ? {} : { expected: s.issuer.trim(), actual: iss ?? '(missing)' }),
    });
  }
  const list = audienceList(claims.aud);
  if (!s.audience.trim()) {
    out.push({
      id: 'aud',
      status: 'skip',
      detail: `not checked: enter the audience you expect (the token says ${list.join(', ') || 'nothing'})`,
    });
  } else {
    const ok = list.includes(s.audience.trim());
    out.push({
      id: 'aud',
      status: ok ? 'pass' : 'fail',
      detail: `aud is ${list.join(', ') || '(missing)'}${note}`,
      ...(ok
        ? {}
        : {
            expected: s.audience.trim(),
            actual: list.join(', ') || '(missing)',
          }),
    });
  }
  const sub = claims.sub;
  out.push(
    typeof sub === 'string' && sub !== ''
      ? { id: 'sub', status: 'pass', detail: `sub is ${sub}${note}` }
      : {
          id: 'sub',
          status: 'fail',
          detail: `no sub claim, so ToolHive cannot build an identity${note}`,
        },
  );
  return out;
}

/**
 * Keeps the simulated ToolHive's form checks, turns a key or signature
 * failure into "could not verify", and checks every claim with the reader's
 * settings whatever happened to the key.
 */
export function checkOwnToken(
  engineVerdicts: readonly CheckVerdict[],
  claims: Record<string, unknown> | null,
  settings: OwnSettings,
): { verdicts: CheckVerdict[]; accepted: boolean; unverified: boolean } {
  const form = engineVerdicts.filter(
    (v) => FORM_CHECKS.has(v.id) && v.detail !== 'not reached',
  );
  const formFailed = form.some((v) => v.status === 'fail');
  const key = engineVerdicts.filter(
    (v) => KEY_CHECKS.has(v.id) && v.detail !== 'not reached',
  );
  const keyFailed = key.find((v) => v.status === 'fail');
  if (!claims || formFailed) {
    // Not a JWT we can read (or an opaque token): the engine's verdicts stand.
    const verdicts = [...engineVerdicts];
    return {
      verdicts,
      accepted:
        !verdicts.some((v) => v.status === 'fail') && verdicts.length > 0,
      unverified: false,
    };
  }
  const keyVerdicts = keyFailed
    ? key.map((v) => (v === keyFailed ? unverifiable(v) : v))
    : key;
  const verdicts = [
    ...form,
    ...keyVerdicts,
    ...claimChecks(claims, settings, !keyFailed),
  ];
  const unverified = verdicts.some((v) => v.status === 'skip');
  return {
    verdicts,
    accepted: !verdicts.some((v) => v.status === 'fail') && !unverified,
    unverified,
  };
}

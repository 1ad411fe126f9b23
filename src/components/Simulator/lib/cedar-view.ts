/**
 * What the Cedar editor shows beside a decision: the policies in the text
 * with the ids Cedar gives them (`policy0`, `policy1`, … in order), their
 * names, and the claims the policy sees as principal attributes.
 */
import { decodeJwt } from 'jose';
import type { Exchange } from '../../../simulator/engine/types';
import { headerValue } from '../../../simulator/format/http-text';
import { TIME_CLAIMS, humanTime } from './words';

export interface PolicyOutline {
  /** Cedar's id for a policy parsed from text: `policy<index>`. */
  id: string;
  /** The `@id("…")` annotation, else the comment line just above, else null. */
  name: string | null;
  effect: 'permit' | 'forbid';
  /** 1-based line where the policy starts. */
  line: number;
}

const START = /^\s*(?:@\w+\s*\([^)]*\)\s*)*(permit|forbid)\s*\(/;

/**
 * Finds each policy's first line. Policies are split on lines that start with
 * an annotation or `permit (` / `forbid (`, the way policy files are written.
 */
export function outlinePolicies(text: string): PolicyOutline[] {
  const lines = text.split('\n');
  const out: PolicyOutline[] = [];
  let pendingStart: number | null = null;
  let pendingId: string | null = null;
  lines.forEach((line, i) => {
    const annotation = /^\s*@(\w+)\s*\(\s*"([^"]*)"\s*\)/.exec(line);
    if (annotation) {
      pendingStart ??= i;
      if (annotation[1] === 'id') pendingId = annotation[2] ?? null;
    }
    const m = START.exec(line);
    if (m) {
      const start = pendingStart ?? i;
      const above = lines[start - 1]?.trim() ?? '';
      const comment = above.startsWith('//')
        ? above.replace(/^\/\/\s*/, '')
        : null;
      out.push({
        id: `policy${out.length}`,
        name: pendingId ?? comment,
        effect: m[1] === 'forbid' ? 'forbid' : 'permit',
        line: start + 1,
      });
      pendingStart = null;
      pendingId = null;
    } else if (!annotation && line.trim() !== '') {
      pendingStart = null;
      pendingId = null;
    }
  });
  return out;
}

/** The bearer token's claims as Cedar sees them: `principal.claim_<name>`. */
export function claimsSeen(
  exchange: Exchange | null,
): Array<[attribute: string, value: string]> | null {
  const auth = exchange
    ? headerValue(exchange.request.headers, 'authorization')
    : null;
  if (!auth?.startsWith('Bearer ')) return null;
  try {
    const claims = decodeJwt(auth.slice('Bearer '.length));
    return Object.entries(claims).map(([k, v]) => [
      `claim_${k}`,
      TIME_CLAIMS.includes(k as never) && typeof v === 'number'
        ? `${v} (${humanTime(v)})`
        : JSON.stringify(v),
    ]);
  } catch {
    return null;
  }
}

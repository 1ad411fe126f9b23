/**
 * Which exchange and which lines of it decided a step's result, so the UI
 * can highlight them and quote them next to the outcome. Pure functions of
 * the step record: no engine state, no DOM.
 */
import type { CheckVerdict, Exchange } from '../../../simulator/engine/types';
import type { StepRecord } from '../../../simulator/scenarios/records';
import { headerValue } from '../../../simulator/format/http-text';

export type ExchangePart =
  'request' | 'request-body' | 'response' | 'response-body';

/** Lines to mark in one part of one exchange. */
export interface LineMark {
  exchangeId: string;
  part: ExchangePart;
  /** Header names (lower case) or body keys whose lines are marked. */
  keys: readonly string[];
}

/** Claims (or JWT header fields) a token check reads. */
export const CHECK_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  aud: ['aud'],
  iss: ['iss'],
  exp: ['exp'],
  nbf: ['nbf'],
  sub: ['sub'],
  alg: ['alg'],
  kid: ['kid'],
  'jwks-key': ['kid'],
  signature: ['alg', 'kid'],
  cedar: ['roles', 'sub', 'scope'],
};

/** The first failed check of a record, the one its error names first. */
export function failedCheck(record: StepRecord): CheckVerdict | null {
  const named = record.error?.check;
  return (
    record.checks.find((c) => c.status === 'fail' && c.id === named) ??
    record.checks.find((c) => c.status === 'fail') ??
    null
  );
}

function isErrorAnswer(x: Exchange): boolean {
  if (x.response.status >= 400) return true;
  const location = headerValue(x.response.headers, 'location') ?? '';
  return x.response.status >= 300 && /[?&](error|state)=/.test(location);
}

/**
 * The exchange that carries the result: the last error answer, else the last
 * exchange with the MCP client's own request (the one ToolHive answered).
 */
export function decisiveExchange(record: StepRecord): Exchange | null {
  const xs = record.exchanges;
  const errors = xs.filter(isErrorAnswer);
  if (errors.length) {
    const toolhive = errors.filter((x) => x.actor === 'toolhive');
    return toolhive[toolhive.length - 1] ?? errors[errors.length - 1] ?? null;
  }
  return xs[xs.length - 1] ?? null;
}

/** The lines that decided the result, per exchange part. */
export function decisiveMarks(record: StepRecord): LineMark[] {
  const x = decisiveExchange(record);
  if (!x) return [];
  const marks: LineMark[] = [];
  const check = failedCheck(record);
  const add = (part: ExchangePart, keys: string[]): void => {
    marks.push({ exchangeId: x.id, part, keys });
  };
  if (headerValue(x.request.headers, 'authorization') && check) {
    if (CHECK_CLAIMS[check.id] || check.id === 'introspection') {
      add('request', ['authorization']);
    }
  }
  if (check?.id === 'pkce-verifier') add('request-body', ['code_verifier']);
  if (check?.id === 'code-single-use') add('request-body', ['code']);
  if (check?.id === 'cedar') add('request-body', ['name', 'method']);
  if (headerValue(x.response.headers, 'www-authenticate')) {
    add('response', ['www-authenticate']);
  }
  if (x.response.status >= 300 && x.response.status < 400) {
    add('response', ['location']);
  }
  if (x.response.status >= 400) add('response-body', ['error', 'message']);
  return marks;
}

/** Whether one line of a formatted part matches one of the keys. */
export function lineMatches(
  line: string,
  part: ExchangePart,
  keys: readonly string[],
): boolean {
  const t = line.trim().replace(/^&/, '').toLowerCase();
  return keys.some((k) => {
    if (part === 'request' || part === 'response') return t.startsWith(`${k}:`);
    return t.startsWith(`"${k}":`) || t.startsWith(`${k}=`);
  });
}

/** The marked lines of a text, for quoting them next to the outcome. */
export function markedLines(
  text: string,
  part: ExchangePart,
  keys: readonly string[],
): string[] {
  return text.split('\n').filter((l) => lineMatches(l, part, keys));
}

/**
 * Reader-facing words for the engine's internal ids: exchange ids and Unix
 * times. Keep ids out of prose; say what they mean.
 */
import { formatInstant } from './format-time';

/** `x13` → `exchange 13`. */
export function exchangeName(id: string): string {
  const n = /^x(\d+)$/.exec(id)?.[1];
  return n ? `exchange ${n}` : `exchange ${id}`;
}

/** Unix seconds → `2026-01-15 10:00:00 UTC`. */
export function humanTime(seconds: number): string {
  return formatInstant(new Date(seconds * 1000).toISOString());
}

/** A signed duration in seconds → `in 59 min`, `2 h 5 min ago`. */
export function relativeTime(seconds: number): string {
  if (seconds === 0) return 'now';
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  const text =
    h > 0
      ? `${h} h${m ? ` ${m} min` : ''}`
      : m > 0
        ? `${m} min${s ? ` ${s} s` : ''}`
        : `${s} s`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

/** Claims that hold Unix times, in the order they are shown. */
export const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'auth_time'] as const;

/** Cedar's `policy0` → `policy 1 (line 2)` when the line is known. */
export function policyWords(
  text: string,
  lineOf: (id: string) => number | undefined = () => undefined,
): string {
  return text.replace(/\bpolicy(\d+)\b/g, (id, n: string) => {
    const line = lineOf(id);
    return `policy ${Number(n) + 1}${line ? ` (line ${line})` : ''}`;
  });
}

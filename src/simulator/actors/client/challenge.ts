/**
 * WWW-Authenticate parsing (RFC 9110 §11.6.1 auth-params, RFC 6750 §3).
 *
 * oauth4webapi 3.8.8 has a parser, but it does not export it: it is reached
 * only as the `cause` of a WWWAuthenticateChallengeError thrown by its own
 * request helpers, which the client does not use for MCP calls. So the
 * client keeps this small one.
 */

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses a WWW-Authenticate value into challenges. */
export function parseWwwAuthenticate(value: string | null): Challenge[] {
  if (!value) return [];
  const out: Challenge[] = [];
  const len = value.length;
  let current: Challenge | null = null;
  let i = 0;
  while (i < len) {
    while (i < len && (value[i] === ' ' || value[i] === ',')) i++;
    const m = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(value.slice(i));
    if (!m) break;
    const tok = m[0];
    i += tok.length;
    let j = i;
    while (value[j] === ' ') j++;
    if (value[j] === '=' && current) {
      j++;
      while (value[j] === ' ') j++;
      let v = '';
      if (value[j] === '"') {
        j++;
        while (j < len && value[j] !== '"') {
          if (value[j] === '\\') j++;
          v += value[j] ?? '';
          j++;
        }
        j++;
      } else {
        v = /^[^,\s]*/.exec(value.slice(j))?.[0] ?? '';
        j += v.length;
      }
      current.params[tok.toLowerCase()] = v;
      i = j;
    } else {
      current = { scheme: tok.toLowerCase(), params: {} };
      out.push(current);
    }
  }
  return out;
}

/** The Bearer challenge of a response, or null. */
export function bearerChallenge(res: Response): Challenge | null {
  return (
    parseWwwAuthenticate(res.headers.get('www-authenticate')).find(
      (c) => c.scheme === 'bearer',
    ) ?? null
  );
}

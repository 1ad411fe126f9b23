/**
 * A parser for the WWW-Authenticate field, written from the ABNF of RFC 9110
 * (HTTP Semantics), so a challenge is checked against the standard's grammar
 * and not against the engine's own formatting code:
 *
 *   WWW-Authenticate = #challenge                                    §11.6.1
 *   challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]     §11.3
 *   auth-scheme = token                                              §11.1
 *   auth-param  = token BWS "=" BWS ( token / quoted-string )        §11.2
 *   token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 *   token       = 1*tchar                                            §5.6.2
 *   tchar       = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "."
 *               / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
 *   quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE          §5.6.4
 *   qdtext      = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
 *   quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
 *   OWS = BWS   = *( SP / HTAB )                                     §5.6.3
 *
 * `#x` is a comma-separated list (§5.6.1): `[ x *( OWS "," OWS x ) ]`, and a
 * recipient accepts empty elements, so `a, , b` is the list `a, b`. A comma
 * after a challenge's parameters starts either another parameter (a token
 * followed by `=`) or the next challenge (a token that is not).
 */

interface AuthParam {
  /** As sent; auth-param names compare case-insensitively (§11.2). */
  name: string;
  /** The value, with a quoted-string's quotes and escapes removed. */
  value: string;
  quoted: boolean;
}

export interface Challenge {
  scheme: string;
  token68?: string;
  params: AuthParam[];
}

export class GrammarError extends Error {
  constructor(
    readonly input: string,
    readonly at: number,
    expected: string,
  ) {
    super(
      `expected ${expected} at offset ${at} of ${JSON.stringify(input)} (found ${
        at < input.length ? JSON.stringify(input[at]) : 'the end'
      })`,
    );
    this.name = 'GrammarError';
  }
}

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;
const VCHAR_OR_OBS = (c: number) => (c >= 0x21 && c <= 0x7e) || c >= 0x80;
const QDTEXT = (c: number) =>
  c === 0x09 ||
  c === 0x20 ||
  c === 0x21 ||
  (c >= 0x23 && c <= 0x5b) ||
  (c >= 0x5d && c <= 0x7e) ||
  (c >= 0x80 && c <= 0xff);

class Reader {
  pos = 0;
  constructor(readonly input: string) {}

  get done(): boolean {
    return this.pos >= this.input.length;
  }

  peek(): string {
    return this.input[this.pos] ?? '';
  }

  fail(expected: string): never {
    throw new GrammarError(this.input, this.pos, expected);
  }

  /** OWS and BWS. */
  ows(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos += 1;
  }

  token(): string {
    const start = this.pos;
    while (!this.done && TCHAR.test(this.peek())) this.pos += 1;
    if (this.pos === start) this.fail('a token');
    return this.input.slice(start, this.pos);
  }

  quotedString(): string {
    if (this.peek() !== '"') this.fail('DQUOTE');
    this.pos += 1;
    let value = '';
    for (;;) {
      if (this.done) this.fail('DQUOTE closing the quoted-string');
      const ch = this.peek();
      const code = ch.charCodeAt(0);
      if (ch === '"') {
        this.pos += 1;
        return value;
      }
      if (ch === '\\') {
        const next = this.input.charCodeAt(this.pos + 1);
        if (!(next === 0x09 || next === 0x20 || VCHAR_OR_OBS(next)))
          this.fail('a quoted-pair');
        value += this.input[this.pos + 1];
        this.pos += 2;
      } else if (QDTEXT(code)) {
        value += ch;
        this.pos += 1;
      } else {
        this.fail('qdtext');
      }
    }
  }

  /** token68, when the rest of this list element is exactly one. */
  tryToken68(): string | undefined {
    const start = this.pos;
    while (!this.done && TOKEN68_CHAR.test(this.peek())) this.pos += 1;
    if (this.pos === start) return undefined;
    while (this.peek() === '=') this.pos += 1;
    const end = this.pos;
    this.ows();
    if (this.done || this.peek() === ',') return this.input.slice(start, end);
    this.pos = start;
    return undefined;
  }
}

/**
 * `#auth-param` after a scheme and its SP. Stops at the end of the field, or
 * before a token that follows a comma and is not followed by "=": that token
 * is the next challenge's scheme (returned as `nextChallenge`).
 */
function parseParams(r: Reader): {
  params: AuthParam[];
  nextChallenge: boolean;
} {
  const params: AuthParam[] = [];
  let afterComma = false;
  for (;;) {
    r.ows();
    if (r.peek() === ',') {
      r.pos += 1; // a separator, or an empty list element
      afterComma = true;
      continue;
    }
    if (r.done) return { params, nextChallenge: false };
    if (params.length > 0 && !afterComma) r.fail('"," or the end of the field');
    const mark = r.pos;
    const name = r.token();
    r.ows();
    if (r.peek() !== '=') {
      if (!afterComma) r.fail('"="');
      r.pos = mark;
      return { params, nextChallenge: true };
    }
    r.pos += 1;
    r.ows();
    const quoted = r.peek() === '"';
    const value = quoted ? r.quotedString() : r.token();
    params.push({ name, value, quoted });
    afterComma = false;
  }
}

/** Parses a WWW-Authenticate field value; throws GrammarError where it breaks the ABNF. */
export function parseWwwAuthenticate(field: string): Challenge[] {
  const r = new Reader(field);
  const challenges: Challenge[] = [];
  let separated = true;
  for (;;) {
    r.ows();
    while (r.peek() === ',') {
      r.pos += 1;
      r.ows();
      separated = true;
    }
    if (r.done) break;
    if (!separated) r.fail('","');
    const scheme = r.token();
    separated = false;
    if (r.peek() !== ' ') {
      challenges.push({ scheme, params: [] });
      continue;
    }
    while (r.peek() === ' ') r.pos += 1;
    const token68 = r.tryToken68();
    if (token68 !== undefined) {
      challenges.push({ scheme, token68, params: [] });
      continue;
    }
    const { params, nextChallenge } = parseParams(r);
    challenges.push({ scheme, params });
    separated = nextChallenge;
  }
  if (challenges.length === 0) r.fail('a challenge');
  return challenges;
}

/**
 * A field value as received, with obsolete line folding (CRLF followed by
 * white space, RFC 9112 §5.2) replaced by one SP, as the RFC examples print it.
 */
export function unfold(printed: string): string {
  return printed.replace(/\r?\n[ \t]+/g, ' ');
}

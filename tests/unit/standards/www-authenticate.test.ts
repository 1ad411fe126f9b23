/**
 * The 401 and 403 challenges against RFC 9110 §11 (grammar), RFC 6750 §3
 * (Bearer attributes) and RFC 9728 §5.1 (resource_metadata). The checkers
 * first prove themselves on the RFCs' own examples and on broken inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bearerProblems } from './bearer-challenge';
import {
  GrammarError,
  parseWwwAuthenticate,
  unfold,
  type Challenge,
} from './http-auth-grammar';
import {
  RFC6750_CHALLENGES,
  RFC9110_CHALLENGES,
  RFC9728_CHALLENGE,
} from './rfc-examples';

const bearer = (field: string): Challenge => {
  const challenges = parseWwwAuthenticate(unfold(field));
  expect(challenges).toHaveLength(1);
  return challenges[0] as Challenge;
};

describe('the WWW-Authenticate grammar (RFC 9110 §11)', () => {
  it("parses RFC 9110's example into its two challenges", () => {
    expect(parseWwwAuthenticate(unfold(RFC9110_CHALLENGES))).toEqual([
      {
        scheme: 'Newauth',
        params: [
          { name: 'realm', value: 'apps', quoted: true },
          { name: 'type', value: '1', quoted: false },
          { name: 'title', value: 'Login to "apps"', quoted: true },
        ],
      },
      {
        scheme: 'Basic',
        params: [{ name: 'realm', value: 'simple', quoted: true }],
      },
    ]);
  });

  it('reads token68, bad white space around "=" and empty list elements', () => {
    expect(parseWwwAuthenticate('Bearer abc-._~+/==')).toEqual([
      { scheme: 'Bearer', token68: 'abc-._~+/==', params: [] },
    ]);
    expect(parseWwwAuthenticate(', Bearer realm = "a" ,, error=x ,')).toEqual([
      {
        scheme: 'Bearer',
        params: [
          { name: 'realm', value: 'a', quoted: true },
          { name: 'error', value: 'x', quoted: false },
        ],
      },
    ]);
  });

  it.each([
    ['', 'no challenge'],
    ['Bearer realm="open', 'an unterminated quoted-string'],
    ['Bearer realm="a" error="b"', 'parameters without a comma'],
    ['Bearer Basic realm="a"', 'two schemes without a comma'],
    ['Bearer realm=a b', 'a value with a space outside quotes'],
    ['Bearer realm="a", =b', 'a parameter without a name'],
    ['Bearer realm="a\u0001"', 'a control character in a quoted-string'],
    ['Bear(er realm="a"', 'a scheme that is not a token'],
  ])('rejects %j (%s)', (field) => {
    expect(() => parseWwwAuthenticate(field)).toThrow(GrammarError);
  });

  it('reads back any auth-param list written by the ABNF', () => {
    const token = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/);
    const text = fc.stringMatching(/^[\t\x20-\x7e]{0,20}$/);
    fc.assert(
      fc.property(
        token,
        fc.array(fc.tuple(token, text), { minLength: 1, maxLength: 5 }),
        (scheme, params) => {
          const field = `${scheme} ${params
            .map(([n, v]) => `${n}="${v.replace(/["\\]/g, '\\$&')}"`)
            .join(', ')}`;
          expect(parseWwwAuthenticate(field)).toEqual([
            {
              scheme,
              params: params.map(([name, value]) => ({
                name,
                value,
                quoted: true,
              })),
            },
          ]);
        },
      ),
    );
  });
});

describe('the Bearer checks (RFC 6750 §3, RFC 9728 §5.1)', () => {
  it('accept the RFC 6750 and RFC 9728 examples', () => {
    for (const field of [...RFC6750_CHALLENGES, RFC9728_CHALLENGE])
      expect(bearerProblems(bearer(field)), field).toEqual([]);
  });

  it.each([
    ['Basic realm="a"', 'not Bearer'],
    ['Bearer', 'no auth-param'],
    ['Bearer abc==', 'token68'],
    ['Bearer realm="a", REALM="b"', 'realm appears 2 times'],
    ['Bearer realm=a', 'realm is not a quoted-string'],
    ['Bearer scope="a  b"', 'scope'],
    ['Bearer scope="a\tb"', 'scope'],
    ['Bearer error_description="caf\u00e9"', 'error_description'],
    ['Bearer error="a\\"b"', 'error'],
    ['Bearer error_uri="https://e.example/a b"', 'error_uri'],
    [
      'Bearer resource_metadata="http://r.example/.well-known/oauth-protected-resource"',
      'resource_metadata',
    ],
    ['Bearer resource_metadata="/.well-known/x"', 'resource_metadata'],
  ])('flag %j (%s)', (field, problem) => {
    const problems = bearerProblems(bearer(field));
    expect(problems.join('; ')).toContain(problem);
  });
});

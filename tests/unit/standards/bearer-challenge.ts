/**
 * What RFC 6750 §3 (with RFC 6749 Appendix A for the value syntax) and
 * RFC 9728 §5.1 ask of a Bearer challenge, on top of the HTTP grammar in
 * http-auth-grammar.ts. Returns the problems found; none means it conforms.
 */
import type { Challenge } from './http-auth-grammar';

/** NQCHAR = %x21 / %x23-5B / %x5D-7E (RFC 6749 A.4: a scope-token). */
const NQCHAR = '\\x21\\x23-\\x5B\\x5D-\\x7E';
/** scope = scope-token *( SP scope-token ) */
const SCOPE = new RegExp(`^[${NQCHAR}]+(?: [${NQCHAR}]+)*$`);
/** NQSCHAR = %x20-21 / %x23-5B / %x5D-7E (A.7 error, A.8 error_description). */
const NQSCHARS = /^[\x20\x21\x23-\x5B\x5D-\x7E]+$/;
/** error_uri: URI-reference, so only %x21 / %x23-5B / %x5D-7E (A.9). */
const URI_CHARS = new RegExp(`^[${NQCHAR}]+$`);

/** Attributes RFC 6750 §3 defines, which must not appear more than once. */
const SINGLE = ['realm', 'scope', 'error', 'error_description', 'error_uri'];

export function bearerProblems(challenge: Challenge): string[] {
  const problems: string[] = [];
  // Auth schemes compare case-insensitively (RFC 9110 §11.1).
  if (challenge.scheme.toLowerCase() !== 'bearer')
    problems.push(`scheme is ${challenge.scheme}, not Bearer`);
  if (challenge.token68 !== undefined)
    problems.push('uses token68; Bearer challenges carry auth-params');
  if (challenge.params.length === 0)
    problems.push('has no auth-param (RFC 6750 §3: one or more)');

  const byName = new Map<string, string[]>();
  for (const p of challenge.params) {
    const name = p.name.toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), p.value]);
  }
  for (const [name, values] of byName) {
    // RFC 9110 §11.2: each parameter name only once per challenge; RFC 6750
    // §3 says the same of its five attributes.
    if (values.length > 1)
      problems.push(
        `${name} appears ${values.length} times${SINGLE.includes(name) ? ' (RFC 6750 §3)' : ''}`,
      );
  }
  const one = (name: string) => byName.get(name)?.[0];

  const realm = challenge.params.find((p) => p.name.toLowerCase() === 'realm');
  // RFC 9110 §11.5: a sender generates realm only as a quoted-string.
  if (realm && !realm.quoted) problems.push('realm is not a quoted-string');

  const scope = one('scope');
  if (scope !== undefined && !SCOPE.test(scope))
    problems.push(
      `scope ${JSON.stringify(scope)} is not scope-tokens separated by single spaces`,
    );
  for (const name of ['error', 'error_description']) {
    const value = one(name);
    if (value !== undefined && !NQSCHARS.test(value))
      problems.push(
        `${name} ${JSON.stringify(value)} has characters outside %x20-21 / %x23-5B / %x5D-7E`,
      );
  }
  const errorUri = one('error_uri');
  if (errorUri !== undefined && !URI_CHARS.test(errorUri))
    problems.push(
      `error_uri ${JSON.stringify(errorUri)} is not a URI-reference`,
    );

  // RFC 9728 §5.1: the URL of the protected resource metadata document.
  const metadata = one('resource_metadata');
  if (metadata !== undefined && !isHttpsUrl(metadata))
    problems.push(
      `resource_metadata ${JSON.stringify(metadata)} is not an absolute https URL`,
    );
  return problems;
}

export function isHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value)) return false;
  return new URL(value).protocol === 'https:';
}

/**
 * RFC 6750 §3.1: the HTTP status each error code should come with.
 */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  invalid_request: 400,
  invalid_token: 401,
  insufficient_scope: 403,
};

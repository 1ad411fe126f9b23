/**
 * The RFC 7662 introspection branch, which ToolHive takes only for tokens
 * that do not parse as a JWT. Of the answer it keeps exp, sub, aud, scope and
 * iss, then runs the same claim checks as for a JWT.
 */
import type { CheckId, CheckVerdict } from '../../engine/types';
import { basicHeader, readJson } from '../http-util';
import { claimsAndIdentity } from './claims';
import type { Fetcher } from './jwks-cache';
import type { ValidationResult, ValidatorConfig } from './results';

export async function introspect(
  config: ValidatorConfig,
  now: number,
  raw: string,
  v: CheckVerdict[],
  why: string,
  fetcher: Fetcher,
): Promise<ValidationResult> {
  const rest: CheckId[] = ['iss', 'aud', 'exp', 'sub'];
  const fail = (detail: string, message: string): ValidationResult => {
    v.push({ id: 'introspection', status: 'fail', detail });
    rest.forEach((id) => v.push({ id, status: 'skip', detail: 'not reached' }));
    return {
      ok: false,
      claims: null,
      verdicts: v,
      failure: { kind: 'invalid_token', message, check: 'introspection' },
      introspected: true,
    };
  };
  void why;
  if (!config.introspectionUrl)
    return fail(
      'no introspection URL configured',
      'no introspection endpoint available',
    );
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (config.clientId && config.clientSecret)
    headers.authorization = basicHeader(config.clientId, config.clientSecret);
  const res = await fetcher(
    new Request(config.introspectionUrl, {
      method: 'POST',
      headers,
      body: new URLSearchParams({
        token: raw,
        token_type_hint: 'access_token',
      }).toString(),
    }),
  );
  if (res.status === 401)
    return fail(
      'the introspection endpoint refused our credentials',
      'introspection unauthorized',
    );
  const body = (await readJson(res)) as Record<string, unknown> | undefined;
  if (res.status !== 200 || !body)
    return fail(
      `introspection returned ${res.status}`,
      `introspection failed with status ${res.status}`,
    );
  if (body.active !== true) return fail('active: false', 'invalid token');
  v.push({
    id: 'introspection',
    status: 'pass',
    detail: 'active: true; only exp, sub, aud, scope and iss are kept',
  });
  const kept: Record<string, unknown> = {};
  for (const k of ['exp', 'sub', 'aud', 'scope', 'iss'])
    if (k in body) kept[k] = body[k];
  return claimsAndIdentity(config, now, kept, v, true, false);
}

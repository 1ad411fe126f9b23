/**
 * ToolHive's auth middleware (pkg/auth/token.go): the Authorization header
 * must be `Bearer <token>`, then the validation pipeline runs. Failures are
 * 401 with a WWW-Authenticate challenge.
 */
import { addCheck, addDeviation } from '../../engine/host';
import { unauthorized } from './responses';
import type { Middleware } from './middleware';

export const authenticate: Middleware = async ({ o, validator }, x, next) => {
  const { ctx } = x;
  const header = x.request.headers.get('authorization');
  if (header === null) {
    addCheck(ctx, 'auth-header', 'fail', 'no Authorization header', {
      expected: 'Authorization: Bearer <token>',
      actual: 'no Authorization header',
    });
    addDeviation(ctx, 'invalid-request-without-credentials');
    return unauthorized(
      o,
      'invalid_request',
      'authorization header required',
      'authorization header required',
    );
  }
  if (!header.startsWith('Bearer ')) {
    addCheck(
      ctx,
      'auth-header',
      'fail',
      "header does not start with the case-sensitive prefix 'Bearer '",
    );
    const d = "invalid authorization header format, expected 'Bearer <token>'";
    return unauthorized(o, 'invalid_request', d, d);
  }
  const raw = header.slice('Bearer '.length);
  if (raw === '') {
    addCheck(ctx, 'auth-header', 'fail', 'empty token');
    return unauthorized(
      o,
      'invalid_request',
      'empty token in authorization header',
      'empty token in authorization header',
    );
  }
  addCheck(ctx, 'auth-header', 'pass', 'Bearer token present');
  const result = await validator.validate(raw, x.fetch);
  ctx.checks.push(...result.verdicts);
  if (!result.ok || !result.claims) {
    const f = result.failure ?? {
      kind: 'invalid_token' as const,
      message: 'invalid token',
    };
    if (f.kind === 'invalid_claims')
      return unauthorized(o, 'invalid_token', f.message, f.message);
    return unauthorized(
      o,
      'invalid_token',
      f.message,
      `Invalid token: ${f.message}`,
    );
  }
  if (!o.validator.audience) addDeviation(ctx, 'audience-optional-on-cli');
  x.raw = raw;
  x.claims = result.claims;
  return next();
};

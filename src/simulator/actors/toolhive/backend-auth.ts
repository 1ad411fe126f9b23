/**
 * How ToolHive authenticates to the backend, right after auth: the embedded
 * AS's upstream swap, RFC 8693 token exchange, strip-auth, or nothing (the
 * client's token passes through, ToolHive's default).
 */
import {
  ACCESS_TOKEN_TYPE,
  TOKEN_EXCHANGE_GRANT,
} from '../authorization-server';
import { basicHeader, readJson, text } from '../http-util';
import { decodeToken } from '../jwt';
import type { Middleware } from './middleware';

export const backendAuth: Middleware = async ({ o }, x, next) => {
  const { ctx, headers, claims } = x;
  switch (o.backendMode) {
    case 'upstream-swap': {
      const tsid = typeof claims.tsid === 'string' ? claims.tsid : '';
      const upstream =
        tsid && o.embeddedAs ? o.embeddedAs.upstreamTokens(tsid) : undefined;
      if (!upstream) {
        return text(
          401,
          'upstream token is no longer valid; re-authentication required\n',
          {
            'www-authenticate':
              'Bearer error="invalid_token", error_description="upstream token is no longer valid; re-authentication required"',
          },
        );
      }
      headers.set('authorization', `Bearer ${upstream.accessToken}`);
      ctx.tokens.push(decodeToken(upstream.accessToken, 'upstream-token'));
      return next();
    }
    case 'token-exchange': {
      const te = o.tokenExchange;
      if (!te) return next();
      const res = await x.fetch(
        new Request(te.tokenUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'application/json',
            authorization: basicHeader(te.clientId, te.clientSecret),
          },
          body: new URLSearchParams({
            grant_type: TOKEN_EXCHANGE_GRANT,
            subject_token: x.raw,
            subject_token_type: ACCESS_TOKEN_TYPE,
            requested_token_type: ACCESS_TOKEN_TYPE,
            audience: te.audience,
          }).toString(),
        }),
      );
      const body = (await readJson(res)) as
        { access_token?: unknown } | undefined;
      if (res.status !== 200 || typeof body?.access_token !== 'string')
        return text(401, 'Token exchange failed\n');
      headers.set('authorization', `Bearer ${body.access_token}`);
      ctx.tokens.push(decodeToken(body.access_token, 'exchanged-token'));
      return next();
    }
    case 'strip-auth':
      headers.delete('authorization');
      headers.delete('cookie');
      headers.delete('proxy-authorization');
      return next();
    case 'passthrough':
      // The deviation is recorded by the proxy, when the request reaches the backend.
      return next();
  }
};

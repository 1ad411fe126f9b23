/**
 * ToolHive v0.44 as the MCP server's resource server and proxy: PRM on
 * /.well-known/oauth-protected-resource (and any suffix), the 401 challenge,
 * the validation pipeline, backend authentication (passthrough, token
 * exchange, embedded-AS upstream swap, strip-auth) and Cedar authorization,
 * in ToolHive's middleware order (auth, upstreamswap, tokenexchange, authz).
 */
import type { ActorHost } from '../engine/host';
import { addCheck, addDeviation } from '../engine/host';
import type { BackendMode } from '../engine/types';
import type { AuthorizationServer } from './authorization-server';
import {
  ACCESS_TOKEN_TYPE,
  TOKEN_EXCHANGE_GRANT,
} from './authorization-server';
import { basicHeader, json, readJson, text } from './http-util';
import { decodeSegment, decodeToken, publicJwk } from './jwt';
import { ToolHiveValidator, type ValidatorConfig } from './toolhive-validator';
import { authorize, classifyMethod, policyErrors } from './toolhive-authz';
import type { JWK } from 'jose';

export const PRM_PATH = '/.well-known/oauth-protected-resource';

export interface ToolHiveOptions {
  /** --resource-url; '' means unset (PRM 404, no resource_metadata). */
  resourceUrl: string;
  /** The MCP endpoint this proxy serves (normally the resource URL). */
  mcpUrl: string;
  validator: ValidatorConfig;
  /** --oidc-scopes. Empty: PRM advertises ["openid"] and the challenge has no scope. */
  scopes: string[];
  /** MCP server name, the Cedar parent MCP::"<name>". */
  serverName: string;
  backendUrl: string;
  backendMode: BackendMode;
  tokenExchange: {
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
    audience: string;
  } | null;
  /** Cedar policy text; null disables authorization. */
  policy: string | null;
  /**
   * Spec behaviour that ToolHive v0.44 does not have: answer tools/call with
   * 403 insufficient_scope when the token lacks these scopes.
   */
  specStepUp: { requiredScopes: Record<string, string[]> } | null;
  /** The embedded AS, when ToolHive runs one (in-process keys, upstream tokens). */
  embeddedAs: AuthorizationServer | null;
}

/** RFC 6750 quoted-string escaping as ToolHive's EscapeQuotes does it. */
function q(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The resource_metadata URL: well-known prefix plus the resource path, "/" dropped. */
export function resourceMetadataUrl(resourceUrl: string): string {
  const u = new URL(resourceUrl);
  const path = u.pathname === '/' ? '' : u.pathname;
  return `${u.protocol}//${u.host}${PRM_PATH}${path}`;
}

export type ToolHive = ReturnType<typeof createToolHive>;

export function createToolHive(host: ActorHost, options: ToolHiveOptions) {
  const o = options;
  const mcp = new URL(o.mcpUrl);
  const embedded = o.embeddedAs;
  const keyProvider = embedded
    ? (kid: string): JWK | null => {
        const name = embedded
          .publishedKeys()
          .find((k) => publicJwk(k).kid === kid);
        return name ? publicJwk(name) : null;
      }
    : null;
  const validator = new ToolHiveValidator(
    o.validator,
    host.clock,
    (r) => host.internalFetch(r),
    keyProvider,
  );

  function challenge(error: string, description: string): string {
    const parts: string[] = [];
    if (o.validator.issuer) parts.push(`realm=${q(o.validator.issuer)}`);
    if (o.resourceUrl)
      parts.push(`resource_metadata=${q(resourceMetadataUrl(o.resourceUrl))}`);
    if (o.scopes.length) parts.push(`scope=${q(o.scopes.join(' '))}`);
    parts.push(`error=${q(error)}`, `error_description=${q(description)}`);
    return `Bearer ${parts.join(', ')}`;
  }

  function unauthorized(
    error: string,
    headerDescription: string,
    bodyDescription: string,
  ): Response {
    return json(
      401,
      { error, error_description: bodyDescription },
      { 'www-authenticate': challenge(error, headerDescription) },
    );
  }

  function prm(request: Request): Response {
    const cors: Record<string, string> = {
      'access-control-allow-origin': request.headers.get('origin') ?? '*',
      'access-control-allow-methods': 'GET, OPTIONS',
      'access-control-allow-headers':
        'mcp-protocol-version, Content-Type, Authorization',
      'access-control-max-age': '86400',
    };
    if (request.method === 'OPTIONS')
      return new Response(null, { status: 204, headers: cors });
    if (!o.resourceUrl)
      return new Response('404 page not found\n', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    return json(
      200,
      {
        resource: o.resourceUrl,
        authorization_servers: [o.validator.issuer],
        bearer_methods_supported: ['header'],
        scopes_supported: o.scopes.length ? o.scopes : ['openid'],
      },
      cors,
    );
  }

  function jsonRpcError(
    status: number,
    id: unknown,
    code: number,
    message: string,
    headers: Record<string, string> = {},
  ): Response {
    return json(
      status,
      { jsonrpc: '2.0', id: id ?? null, error: { code, message } },
      headers,
    );
  }

  /** Headers forwarded to the backend: everything except hop-by-hop ones, plus X-Forwarded-*. */
  function forwardHeaders(request: Request): Headers {
    const h = new Headers();
    const hop = new Set([
      'connection',
      'keep-alive',
      'proxy-authorization',
      'te',
      'trailer',
      'transfer-encoding',
      'upgrade',
      'host',
      'content-length',
    ]);
    request.headers.forEach((value, name) => {
      if (!hop.has(name)) h.set(name, value);
    });
    h.set('x-forwarded-host', mcp.host);
    h.set('x-forwarded-proto', mcp.protocol.replace(':', ''));
    return h;
  }

  async function backendAuth(
    headers: Headers,
    claims: Record<string, unknown>,
    rawToken: string,
  ): Promise<Response | null> {
    const ctx = host.ctx;
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
        return null;
      }
      case 'token-exchange': {
        const te = o.tokenExchange;
        if (!te) return null;
        const res = await host.internalFetch(
          new Request(te.tokenUrl, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
              authorization: basicHeader(te.clientId, te.clientSecret),
            },
            body: new URLSearchParams({
              grant_type: TOKEN_EXCHANGE_GRANT,
              subject_token: rawToken,
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
        return null;
      }
      case 'strip-auth':
        headers.delete('authorization');
        headers.delete('cookie');
        headers.delete('proxy-authorization');
        return null;
      case 'passthrough':
        // The deviation is recorded when the request reaches the backend.
        return null;
    }
  }

  /** Claims Cedar sees: the upstream IdP token's when the embedded AS swaps tokens (fact 73). */
  function authzClaims(
    claims: Record<string, unknown>,
  ): Record<string, unknown> | null {
    if (!o.embeddedAs || o.backendMode !== 'upstream-swap') return claims;
    const tsid = typeof claims.tsid === 'string' ? claims.tsid : '';
    const upstream = tsid ? o.embeddedAs.upstreamTokens(tsid) : undefined;
    if (!upstream) return null;
    return decodeSegment(upstream.accessToken.split('.')[1]) ?? claims;
  }

  async function handleMcp(request: Request): Promise<Response> {
    const ctx = host.ctx;
    // --- auth middleware -------------------------------------------------
    const header = request.headers.get('authorization');
    if (header === null) {
      addCheck(ctx, 'auth-header', 'fail', 'no Authorization header', {
        expected: 'Authorization: Bearer <token>',
        actual: 'no Authorization header',
      });
      addDeviation(ctx, 'invalid-request-without-credentials');
      return unauthorized(
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
      const d =
        "invalid authorization header format, expected 'Bearer <token>'";
      return unauthorized('invalid_request', d, d);
    }
    const raw = header.slice('Bearer '.length);
    if (raw === '') {
      addCheck(ctx, 'auth-header', 'fail', 'empty token');
      return unauthorized(
        'invalid_request',
        'empty token in authorization header',
        'empty token in authorization header',
      );
    }
    addCheck(ctx, 'auth-header', 'pass', 'Bearer token present');
    const result = await validator.validate(raw);
    ctx.checks.push(...result.verdicts);
    if (!result.ok || !result.claims) {
      const f = result.failure ?? {
        kind: 'invalid_token' as const,
        message: 'invalid token',
      };
      if (f.kind === 'invalid_claims')
        return unauthorized('invalid_token', f.message, f.message);
      return unauthorized(
        'invalid_token',
        f.message,
        `Invalid token: ${f.message}`,
      );
    }
    const claims = result.claims;
    if (!o.validator.audience) addDeviation(ctx, 'audience-optional-on-cli');

    // --- backend authentication (upstreamswap, tokenexchange, strip) -------
    const headers = forwardHeaders(request);
    const bodyText = await request.text();
    const early = await backendAuth(headers, claims, raw);
    if (early) return early;

    // --- MCP parser + authorization ----------------------------------------
    type RpcMessage = {
      method?: unknown;
      id?: unknown;
      params?: { name?: unknown; arguments?: unknown; uri?: unknown };
    };
    let rpc: RpcMessage | null;
    try {
      const parsed: unknown = JSON.parse(bodyText);
      rpc =
        parsed && typeof parsed === 'object' ? (parsed as RpcMessage) : null;
    } catch {
      rpc = null;
    }
    const method = typeof rpc?.method === 'string' ? rpc.method : null;
    let filterTools = false;
    const cedarClaims = authzClaims(claims);
    if (o.specStepUp && method === 'tools/call') {
      const name = String(rpc?.params?.name ?? '');
      const required = o.specStepUp.requiredScopes[name] ?? [];
      const granted =
        typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
      const missing = required.filter((s) => !granted.includes(s));
      addDeviation(ctx, 'no-insufficient-scope');
      if (missing.length) {
        const needed = [...new Set([...granted, ...required])].join(' ');
        return json(
          403,
          {
            error: 'insufficient_scope',
            error_description: `tool ${name} needs scope ${missing.join(' ')}`,
          },
          {
            'www-authenticate': `Bearer error="insufficient_scope", scope=${q(needed)}, resource_metadata=${q(resourceMetadataUrl(o.resourceUrl || o.mcpUrl))}, error_description=${q(`tool ${name} needs scope ${missing.join(' ')}`)}`,
          },
        );
      }
    }
    if (o.policy !== null) {
      if (!rpc || !method) {
        return text(400, 'Invalid or malformed MCP request\n');
      }
      const cls = classifyMethod(method);
      if (cls.kind === 'unknown') {
        addCheck(
          ctx,
          'cedar',
          'fail',
          `method ${method} is not in the authorization map, so it is denied`,
        );
        addDeviation(ctx, 'jsonrpc-error-code-403');
        return jsonRpcError(403, rpc.id, 403, 'Unauthorized');
      }
      if (cls.kind === 'list') filterTools = method === 'tools/list';
      if (cls.kind === 'authorize') {
        const cedar = await host.cedar();
        const errs = policyErrors(cedar, o.policy);
        if (errs.length) {
          addCheck(
            ctx,
            'cedar',
            'fail',
            `policy does not parse: ${errs.join('; ')}`,
          );
          return jsonRpcError(403, rpc.id, 403, 'Unauthorized');
        }
        const args = rpc.params?.arguments;
        const decision = authorize(
          cedar,
          {
            claims: cedarClaims ?? {},
            action: cls.action,
            resourceType: cls.resourceType,
            resourceId: String(rpc.params?.name ?? rpc.params?.uri ?? ''),
            args:
              args && typeof args === 'object' && !Array.isArray(args)
                ? (args as Record<string, unknown>)
                : {},
            serverName: o.serverName,
          },
          o.policy,
        );
        const req = `${decision.request.principal}, ${decision.request.action}, ${decision.request.resource}`;
        if (!decision.allowed) {
          addCheck(
            ctx,
            'cedar',
            'fail',
            `deny for ${req}${decision.errors.length ? `: ${decision.errors.join('; ')}` : ' (no permit matched, default deny)'}`,
            {
              matched: [...decision.reasons],
              expected: 'a permit policy whose conditions hold',
              actual: decision.errors.length
                ? `policy errors: ${decision.errors.join('; ')}`
                : 'no permit matched, so Cedar denies by default',
            },
          );
          addDeviation(ctx, 'authz-403-without-challenge');
          addDeviation(ctx, 'jsonrpc-error-code-403');
          return jsonRpcError(403, rpc.id, 403, 'Unauthorized');
        }
        addCheck(
          ctx,
          'cedar',
          'pass',
          `permit for ${req} by ${decision.reasons.join(', ')}`,
          { matched: [...decision.reasons] },
        );
      }
    }

    // --- proxy to the backend ------------------------------------------------
    if (o.backendMode === 'passthrough' && headers.has('authorization'))
      addDeviation(ctx, 'passthrough-by-default');
    const res = await host.internalFetch(
      new Request(o.backendUrl, {
        method: request.method,
        headers,
        body:
          request.method === 'GET' || request.method === 'HEAD'
            ? null
            : bodyText,
      }),
    );
    if (!filterTools || res.status !== 200) return res;
    const body = (await readJson(res)) as
      { result?: { tools?: Array<{ name?: unknown }> } } | undefined;
    const tools = body?.result?.tools;
    if (!body?.result || !Array.isArray(tools)) return res;
    const cedar = await host.cedar();
    const kept = [];
    const removed: string[] = [];
    for (const tool of tools) {
      const name = String(tool.name ?? '');
      const d = authorize(
        cedar,
        {
          claims: cedarClaims ?? {},
          action: 'call_tool',
          resourceType: 'Tool',
          resourceId: name,
          args: {},
          serverName: o.serverName,
        },
        o.policy ?? '',
      );
      if (d.allowed) kept.push(tool);
      else removed.push(name);
    }
    addCheck(
      ctx,
      'cedar',
      'pass',
      `tools/list filtered: kept ${kept.map((t) => String(t.name)).join(', ') || 'none'}${removed.length ? `; removed ${removed.join(', ')}` : ''}`,
    );
    const headersOut: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      if (k !== 'content-length') headersOut[k] = v;
    });
    return json(
      200,
      { ...body, result: { ...body.result, tools: kept } },
      headersOut,
    );
  }

  function matches(pathname: string): boolean {
    return (
      pathname.startsWith('/.well-known/') ||
      pathname === mcp.pathname ||
      pathname.startsWith(`${mcp.pathname}/`)
    );
  }

  async function handle(request: Request): Promise<Response> {
    const u = new URL(request.url);
    if (u.pathname.startsWith(PRM_PATH)) return prm(request);
    if (u.pathname.startsWith('/.well-known/'))
      return json(404, { error: 'not_found' });
    if (u.pathname === mcp.pathname) return handleMcp(request);
    return text(404, '404 page not found\n');
  }

  return {
    actor: 'toolhive' as const,
    origin: mcp.origin,
    options: o,
    validator,
    /** A validator with the same configuration and an empty JWKS cache (paste-your-own-token). */
    freshValidator: () =>
      new ToolHiveValidator(
        o.validator,
        host.clock,
        (r) => host.internalFetch(r),
        keyProvider,
      ),
    matches,
    handle,
    challenge,
  };
}

/**
 * ToolHive's handling of an MCP request as an ordered list of middleware,
 * the order of pkg/runner/middleware.go (auth, upstreamswap, tokenexchange,
 * MCP parser, authz) with the reverse proxy at the end. Each middleware gets
 * the request's state and `next`; it answers itself (a 401, a 403) or calls
 * `next` and may rewrite what comes back (tools/list filtering).
 */
import type { StepContext } from '../../engine/host';
import { authenticate } from './auth';
import { backendAuth } from './backend-auth';
import { authorizeCall, filterLists, parseMcp, specStepUp } from './authz';
import { proxy } from './proxy';
import type { McpExchange, Middleware, ToolHiveScope } from './middleware';

export type { ToolHiveScope };

interface MiddlewareRow {
  name: string;
  /** Where ToolHive does this (pinned commit), or why the simulator adds it. */
  source: string;
  run: Middleware;
}

/**
 * The order is data. ToolHive's chain (pkg/runner/middleware.go:63-286) is
 * body-limit, audit, auth, upstreamswap, tokenexchange, tool filter, MCP
 * parser, telemetry, rate limit, webhooks, usage metrics, authz, AWS STS,
 * header-forward, recovery; the rows below are the ones the simulator
 * models, in that order. Sources are at the pinned ToolHive commit.
 */
const MIDDLEWARE: readonly MiddlewareRow[] = [
  { name: 'auth', source: 'pkg/auth/token.go', run: authenticate },
  {
    name: 'backend-auth',
    source:
      'pkg/auth/upstreamswap/middleware.go, pkg/oauthproto/tokenexchange/middleware.go, pkg/transport/middleware/strip_auth.go (none configured: passthrough)',
    run: backendAuth,
  },
  { name: 'mcp-parser', source: 'the MCP parser middleware', run: parseMcp },
  {
    name: 'spec-step-up',
    source:
      'not in ToolHive v0.44: the spec insufficient_scope answer, opt-in per scenario',
    run: specStepUp,
  },
  { name: 'authz', source: 'pkg/authz/middleware.go', run: authorizeCall },
  {
    name: 'list-filter',
    source:
      'pkg/authz/response_filter.go (part of the authz middleware: it wraps the response)',
    run: filterLists,
  },
  {
    name: 'proxy',
    source: 'pkg/transport/proxy (the reverse proxy after the chain)',
    run: proxy,
  },
];

/** Headers forwarded to the backend: everything except hop-by-hop ones, plus X-Forwarded-*. */
function forwardHeaders(mcp: URL, request: Request): Headers {
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

/** Runs one MCP request through MIDDLEWARE in order. */
export async function handleMcp(
  scope: ToolHiveScope,
  request: Request,
  ctx: StepContext,
): Promise<Response> {
  const x: McpExchange = {
    request,
    ctx,
    headers: forwardHeaders(scope.mcp, request),
    bodyText: await request.text(),
    raw: '',
    claims: {},
    rpc: null,
    method: null,
    cedarClaims: null,
    filterTools: false,
    fetch: (r) => scope.host.internalFetch(r, ctx),
  };
  const run = (i: number): Promise<Response> => {
    const row = MIDDLEWARE[i];
    if (!row) throw new Error('the proxy must end the middleware list');
    return row.run(scope, x, () => run(i + 1));
  };
  return run(0);
}

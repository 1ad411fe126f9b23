/**
 * The authorization server's route table: which method and path goes to
 * which endpoint, in the order they are tried. A known path with another
 * method is 405; anything else is 404.
 */
import type { StepContext } from '../../engine/host';
import { json, text } from '../http-util';
import { authorize } from './authorize';
import { upstreamCallback } from './upstream-callback';
import { tokenEndpoint } from './grants';
import { introspect, revoke } from './introspection';
import { jwks, metadata } from './metadata';
import type { AuthorizationServerOptions } from './options';
import { register } from './register';
import type { AsCore } from './state';

interface AsRoute {
  method: 'GET' | 'POST';
  /** The paths, from the options (null: the endpoint is not offered). */
  paths(
    o: AuthorizationServerOptions,
    issuerPath: string,
  ): Array<string | null>;
  handle(
    core: AsCore,
    ctx: StepContext,
    request: Request,
  ): Response | Promise<Response>;
}

const AS_ROUTES: readonly AsRoute[] = [
  {
    method: 'GET',
    paths: (_o, issuerPath) => [
      `/.well-known/oauth-authorization-server${issuerPath}`,
    ],
    handle: (core) => json(200, metadata(core, 'oauth')),
  },
  {
    method: 'GET',
    paths: (_o, issuerPath) => [
      `/.well-known/openid-configuration${issuerPath}`,
      `${issuerPath}/.well-known/openid-configuration`,
    ],
    handle: (core) => json(200, metadata(core, 'oidc')),
  },
  { method: 'GET', paths: (o) => [o.paths.jwks], handle: (core) => jwks(core) },
  {
    method: 'GET',
    paths: (o) => [o.paths.authorize],
    handle: (core, ctx, request) => authorize(core, ctx, request),
  },
  {
    method: 'GET',
    paths: (o) => [o.paths.callback],
    handle: (core, ctx, request) => upstreamCallback(core, ctx, request),
  },
  {
    method: 'POST',
    paths: (o) => [o.paths.token],
    handle: (core, ctx, request) => tokenEndpoint(core, ctx, request),
  },
  {
    method: 'POST',
    paths: (o) => [o.paths.register],
    handle: (core, _ctx, request) => register(core, request),
  },
  {
    method: 'POST',
    paths: (o) => [o.paths.introspect],
    handle: (core, _ctx, request) => introspect(core, request),
  },
  {
    method: 'POST',
    paths: (o) => [o.paths.revoke],
    handle: (core, _ctx, request) => revoke(core, request),
  },
];

/** Binds the table to one server: `matches` for routing, `handle` to answer. */
export function bindRoutes(core: AsCore) {
  const issuerPath = new URL(core.o.issuer).pathname.replace(/\/$/, '');
  const table = AS_ROUTES.map((r) => ({
    ...r,
    at: r.paths(core.o, issuerPath).filter((p): p is string => p !== null),
  }));
  const normalise = (pathname: string) => pathname.replace(/\/$/, '') || '/';

  /** Paths this actor answers on its origin (the embedded AS shares the MCP origin). */
  function matches(pathname: string): boolean {
    const p = normalise(pathname);
    return table.some((r) => r.at.includes(p));
  }

  async function handle(request: Request, ctx: StepContext): Promise<Response> {
    const p = normalise(new URL(request.url).pathname);
    const route = table.find(
      (r) => r.method === request.method && r.at.includes(p),
    );
    if (route) return route.handle(core, ctx, request);
    if (matches(p)) return text(405, 'method not allowed');
    return json(404, { error: 'not_found' });
  }

  return { matches, handle };
}

/**
 * ToolHive v0.44 as the MCP server's resource server and proxy: PRM on
 * /.well-known/oauth-protected-resource (and any suffix), outside the auth
 * middleware, and the MCP endpoint behind the middleware in pipeline.ts
 * (auth, backend authentication, MCP parser, authz, proxy).
 */
import type { JWK } from 'jose';
import type { ActorHost, StepContext } from '../../engine/host';
import { json, text } from '../http-util';
import { publicJwk } from '../jwt';
import { PRM_PATH, type ToolHiveOptions } from './options';
import { challenge, prm } from './responses';
import { handleMcp, type ToolHiveScope } from './pipeline';
import { ToolHiveValidator } from './validator';

export { resourceMetadataUrl } from './options';
export type { ToolHiveOptions } from './options';

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
  const newValidator = () =>
    new ToolHiveValidator(
      o.validator,
      host.clock,
      (r) => host.internalFetch(r),
      keyProvider,
    );
  const validator = newValidator();
  const scope: ToolHiveScope = { host, o, validator, mcp };

  function matches(pathname: string): boolean {
    return (
      pathname.startsWith('/.well-known/') ||
      pathname === mcp.pathname ||
      pathname.startsWith(`${mcp.pathname}/`)
    );
  }

  async function handle(request: Request, ctx: StepContext): Promise<Response> {
    const u = new URL(request.url);
    if (u.pathname.startsWith(PRM_PATH)) return prm(o, request);
    if (u.pathname.startsWith('/.well-known/'))
      return json(404, { error: 'not_found' });
    if (u.pathname === mcp.pathname) return handleMcp(scope, request, ctx);
    return text(404, '404 page not found\n');
  }

  return {
    actor: 'toolhive' as const,
    origin: mcp.origin,
    options: o,
    validator,
    /** A validator with the same configuration and an empty JWKS cache (paste-your-own-token). */
    freshValidator: newValidator,
    matches,
    handle,
    challenge: (error: string, description: string) =>
      challenge(o, error, description),
  };
}

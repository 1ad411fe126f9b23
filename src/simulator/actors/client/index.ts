/**
 * A spec-following MCP client (MCP authorization 2025-11-25), one method per
 * step: probe, PRM discovery, AS metadata discovery, registration, authorize
 * with PKCE + state + resource, token request, MCP calls with the bearer, and
 * step-up on 403 insufficient_scope. It sends every request through the
 * injected transport with redirect: 'manual' and follows 302s itself, like a
 * user agent would.
 *
 * The simulator steps through these methods one click at a time; the
 * command-line client (scripts/client.ts) drives the same object with
 * `runSession` (session.ts) against a real server.
 */
import {
  initialState,
  type ClientCore,
  type ClientHost,
  type ClientOptions,
  type Send,
} from './context';
import { discovery } from './discovery';
import { registration } from './registration';
import { authorization } from './authorization';
import { tokenRequests } from './token';
import { mcpCalls } from './mcp';
import { stepUp } from './step-up';

export type { ClientHost, ClientOptions } from './context';
export { parseWwwAuthenticate } from './challenge';
export type { RpcOutcome } from './mcp';

export type McpClient = ReturnType<typeof createClient>;

export function createClient(
  host: ClientHost,
  options: ClientOptions,
  send: Send,
) {
  const core: ClientCore = { host, o: options, s: initialState(), send };
  const authz = authorization(core);
  return {
    actor: 'client' as const,
    state: core.s,
    options: core.o,
    ...discovery(core),
    ...registration(core),
    ...authz,
    ...tokenRequests(core),
    ...mcpCalls(core),
    ...stepUp(core, authz.authorize),
  };
}

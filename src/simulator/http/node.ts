/**
 * msw/node transport for tests and the local mock server: the handlers are
 * installed with setupServer and the client calls the global fetch.
 */
import { setupServer, type SetupServer } from 'msw/node';
import type { World } from '../engine/world';
import { createDynamicHandlers } from './handlers';
import { recoverOpaqueRedirect, type Transport } from './transport';

export interface NodeTransport extends Transport {
  readonly server: SetupServer;
  close(): void;
}

export function createNodeTransport(
  options: { onUnhandledRequest?: 'error' | 'bypass' | 'warn' } = {},
): NodeTransport {
  const ref: { current: World | null } = { current: null };
  const server = setupServer(...createDynamicHandlers(ref));
  server.listen({ onUnhandledRequest: options.onUnhandledRequest ?? 'error' });
  return {
    kind: 'node',
    server,
    attach(world: World) {
      ref.current = world;
    },
    async fetch(request: Request): Promise<Response> {
      const response = await globalThis.fetch(request);
      return recoverOpaqueRedirect(ref.current, request, response);
    },
    close() {
      server.close();
    },
  };
}

/**
 * msw/node transport for tests and the local mock server: the handlers are
 * installed with setupServer and the client calls the global fetch.
 */
import { setupServer, type SetupServer } from 'msw/node';
import { interceptedFetch, type Transport } from './transport';

export interface NodeTransport extends Transport {
  readonly server: SetupServer;
  close(): void;
}

export function createNodeTransport(
  options: { onUnhandledRequest?: 'error' | 'bypass' | 'warn' } = {},
): NodeTransport {
  const { handlers, attach, fetch } = interceptedFetch();
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: options.onUnhandledRequest ?? 'error' });
  return {
    kind: 'node',
    server,
    attach,
    fetch,
    close() {
      server.close();
    },
  };
}

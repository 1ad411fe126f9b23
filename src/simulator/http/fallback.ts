/**
 * The in-page transport: resolves requests against the handlers with MSW's
 * getResponse, no service worker and no network. Used when service workers
 * are unavailable, and as the engine's default.
 */
import { getResponse, type RequestHandler } from 'msw';
import type { World } from '../world/world';
import type { Transport } from './transport';

export function createInPageTransport(): Transport {
  let handlers: RequestHandler[] = [];
  return {
    kind: 'in-page',
    attach(world: World) {
      handlers = world.handlers;
    },
    async fetch(request: Request): Promise<Response> {
      const response = await getResponse(handlers, request);
      if (!response)
        throw new TypeError(
          `Failed to fetch: no simulated host answers ${request.method} ${request.url}`,
        );
      return response;
    },
  };
}

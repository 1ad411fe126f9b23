/**
 * How the simulated client's requests reach the handlers. A transport is
 * attached to a world (on create, reset and back) and then sends requests.
 * The client always asks for redirect: 'manual' and follows 302s itself.
 */
import type { World } from '../world/world';
import { createDynamicHandlers } from './handlers';

export interface Transport {
  readonly kind: 'in-page' | 'service-worker' | 'node';
  /** Points the transport's handlers at this world. */
  attach(world: World): void;
  fetch(request: Request): Promise<Response>;
}

/**
 * Wraps a platform fetch. Through a service worker a 302 read with
 * redirect: 'manual' arrives as an opaque redirect (status 0, no Location),
 * so the real response is recovered from the handler-side exchange record.
 */
export function recoverOpaqueRedirect(
  world: World | null,
  request: Request,
  response: Response,
): Response {
  if (response.type !== 'opaqueredirect' || !world) return response;
  const exchange = world.recorder.latestFor(request.url);
  if (!exchange) return response;
  const headers = new Headers();
  for (const [name, value] of exchange.response.headers)
    headers.append(name, value);
  return new Response(null, {
    status: exchange.response.status,
    statusText: exchange.response.statusText,
    headers,
  });
}

/**
 * The part shared by the transports that let MSW intercept the platform's
 * fetch (service worker in browsers, setupServer in Node): handlers that
 * follow whichever world is attached, and a fetch that restores a 302 the
 * service worker made opaque.
 */
export function interceptedFetch(): {
  handlers: ReturnType<typeof createDynamicHandlers>;
  attach(world: World): void;
  fetch(request: Request): Promise<Response>;
} {
  const ref: { current: World | null } = { current: null };
  return {
    handlers: createDynamicHandlers(ref),
    attach(world: World) {
      ref.current = world;
    },
    async fetch(request: Request): Promise<Response> {
      const response = await globalThis.fetch(request);
      return recoverOpaqueRedirect(ref.current, request, response);
    },
  };
}

/**
 * MSW handlers built from a world's routes, for the simulated client's
 * transports (service worker, getResponse or msw/node). Each request is
 * answered by world/dispatch.ts under the step running now, which records the
 * real request and response, so traffic is shown as it went over the wire
 * whichever transport carried it.
 */
import { http, type RequestHandler } from 'msw';
import type { World } from '../world/world';
import { dispatch } from '../world/dispatch';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One handler per actor route, in priority order (the embedded AS before ToolHive on the same origin). */
export function createHandlers(world: World): RequestHandler[] {
  return world.routes.map((route) =>
    http.all(
      new RegExp(`^${escapeRegExp(route.origin)}(?:/.*)?$`),
      async ({ request }) => {
        if (!route.matches(new URL(request.url).pathname)) return undefined;
        return dispatch(world, route, request, world.ctx);
      },
    ),
  );
}

/**
 * Handlers that always answer for the world currently attached to `ref`, for
 * transports that are started once (a service worker, a Node server) while
 * the UI switches scenarios.
 */
export function createDynamicHandlers(ref: {
  current: World | null;
}): RequestHandler[] {
  return [
    http.all(/^https?:\/\/.*/, async ({ request }) => {
      const world = ref.current;
      if (!world) return undefined;
      const route = world.routeFor(new URL(request.url));
      if (!route) return undefined;
      return dispatch(world, route, request, world.ctx);
    }),
  ];
}

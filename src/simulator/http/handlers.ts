/**
 * The only HTTP layer: MSW handlers built from a world's actors. Every
 * handler records the real request and response (cloned) with the answering
 * actor and the current step, so traffic is shown as it went over the wire
 * whichever transport carried it (service worker, getResponse or msw/node).
 */
import { http, type RequestHandler } from 'msw';
import { recordRequest, recordResponse } from '../engine/recorder';
import type { Route, World } from '../engine/world';
import { json } from '../actors/http-util';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Answers one request with one route's actor and records the exchange. */
export async function dispatch(
  world: World,
  route: Route,
  request: Request,
): Promise<Response> {
  if (!world.recording) return route.handle(request);
  const seq = world.recorder.begin();
  const stepId = world.ctx.stepId;
  const recordedRequest = await recordRequest(request);
  let response: Response;
  try {
    response = await route.handle(request);
  } catch (e) {
    // An actor bug must not look like a network error: answer 500 and record it.
    response = json(500, {
      error: 'server_error',
      error_description: e instanceof Error ? e.message : String(e),
    });
  }
  const recordedResponse = await recordResponse(response);
  world.recorder.push(
    seq,
    stepId,
    route.actor,
    world.clock.iso(),
    recordedRequest,
    recordedResponse,
  );
  return response;
}

/** One handler per actor route, in priority order (the embedded AS before ToolHive on the same origin). */
export function createHandlers(world: World): RequestHandler[] {
  return world.routes.map((route) =>
    http.all(
      new RegExp(`^${escapeRegExp(route.origin)}(?:/.*)?$`),
      async ({ request }) => {
        if (!route.matches(new URL(request.url).pathname)) return undefined;
        return dispatch(world, route, request);
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
      return dispatch(world, route, request);
    }),
  ];
}

/**
 * Answers one request with one route's actor and records the exchange under
 * the request's step context. Every way a request enters a world (the MSW
 * handlers, a server-to-server call, the local mock server) comes here.
 */
import type { SimClock } from '../engine/clock';
import type { Handler, StepContext } from '../engine/host';
import type { ActorId } from '../engine/types';
import {
  takeRequest,
  takeResponse,
  type ExchangeRecorder,
} from '../engine/recorder';
import { json } from '../actors/http-util';

/** One actor's share of the URL space, and how it answers. */
export interface Route {
  actor: ActorId;
  origin: string;
  matches(pathname: string): boolean;
  handle: Handler;
}

/**
 * Answers `request` with `route`'s actor and records both sides. A request
 * with a body is always read here (once), and the actor gets a copy of it; the
 * caller must not send `request` again. The response returned is likewise a
 * copy when it has a body (see takeRequest and takeResponse).
 */
export async function dispatch(
  world: { readonly recorder: ExchangeRecorder; readonly clock: SimClock },
  route: Route,
  request: Request,
  ctx: StepContext,
): Promise<Response> {
  if (ctx.silent) return route.handle(request, ctx);
  const seq = world.recorder.begin();
  const taken = await takeRequest(request);
  let response: Response;
  try {
    response = await route.handle(taken.request, ctx);
  } catch (e) {
    // An actor bug must not look like a network error: answer 500 and record it.
    response = json(500, {
      error: 'server_error',
      error_description: e instanceof Error ? e.message : String(e),
    });
  }
  const sent = await takeResponse(response);
  world.recorder.push(
    seq,
    ctx.stepId,
    route.actor,
    world.clock.iso(),
    taken.recorded,
    sent.recorded,
  );
  return sent.response;
}

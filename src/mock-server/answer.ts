/**
 * Answers one proxied request with a live session: a fresh step context,
 * the engine's dispatch, the internal login redirects followed for you, a
 * real-time timeout, and error bodies shaped for the path.
 */
import type { StepContext } from '../simulator/engine/host';
import { errorFor, oauthBody } from './responses';
import type { LiveSession } from './world';

/** A request that takes longer than this (real time) gets 504. */
const HANDLER_TIMEOUT_MS = 30_000;
/** Internal redirects the authorize endpoint follows for you (embedded AS -> IdP -> callback). */
const MAX_INTERNAL_REDIRECTS = 5;

function withTimeout<T>(
  promise: Promise<T>,
  ms: number,
): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves a request against the session's handlers, following internal login redirects. */
async function resolve(
  s: LiveSession,
  request: Request,
  ctx: StepContext,
): Promise<Response | undefined> {
  let response = await s.answer(request, ctx);
  for (let hop = 0; response && hop < MAX_INTERNAL_REDIRECTS; hop++) {
    if (response.status < 300 || response.status > 303) break;
    const location = response.headers.get('location');
    if (!location) break;
    let next: URL;
    try {
      next = new URL(location, request.url);
    } catch {
      break;
    }
    const route = s.world.routeFor(next);
    const internal =
      route &&
      (next.origin !== s.origin ||
        (route.actor === 'authorization-server' &&
          s.world.as.matches(next.pathname)));
    if (!internal) break;
    response = await s.answer(new Request(next, { redirect: 'manual' }), ctx);
  }
  return response;
}

export async function answerLive(
  s: LiveSession,
  request: Request,
  path: string,
  mcpPath: string,
): Promise<{ response: Response; check: string | null }> {
  const ctx = s.requestContext();
  const outcome = await (async () => {
    const failedCheck = () =>
      ctx.checks.find((c) => c.status === 'fail')?.id ?? null;
    try {
      const response = await withTimeout(
        resolve(s, request, ctx),
        HANDLER_TIMEOUT_MS,
      );
      return { response, check: failedCheck() };
    } catch (e) {
      return {
        response: e instanceof Error ? e : new Error(String(e)),
        check: failedCheck(),
      };
    } finally {
      s.endRequest();
    }
  })();
  let response: Response;
  if (outcome.response === 'timeout') {
    const e = errorFor(
      path,
      mcpPath,
      504,
      'temporarily_unavailable',
      'the simulated server did not answer in time',
      -32603,
    );
    response = Response.json(e.body, { status: e.status });
  } else if (outcome.response instanceof Error) {
    const e = errorFor(
      path,
      mcpPath,
      500,
      'server_error',
      outcome.response.message,
      -32603,
    );
    response = Response.json(e.body, { status: e.status });
  } else if (outcome.response === undefined) {
    response = Response.json(
      oauthBody('not_found', `nothing is served at ${path}`),
      { status: 404 },
    );
  } else {
    response = outcome.response;
  }
  return { response, check: outcome.check };
}

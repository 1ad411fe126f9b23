/**
 * The control endpoints under /__control/: move the simulated clock, rotate
 * the signing key, read the exchange log or the state, and reset the
 * session. They change the session, so the server runs them one at a time.
 */
import type { IncomingMessage } from 'node:http';
import type { LiveSession } from './world';
import { oauthBody } from './responses';

export const CONTROL_PREFIX = '/__control/';

/** The session the server answers with, and how to start a fresh one. */
export interface LiveRef {
  readonly session: LiveSession;
  reset(): LiveSession;
}

export async function control(
  live: LiveRef,
  method: string,
  path: string,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; body: unknown }> {
  const s = live.session;
  const name = path.slice(CONTROL_PREFIX.length);
  const routes: Record<string, string> = {
    clock: 'POST',
    'rotate-keys': 'POST',
    log: 'GET',
    reset: 'POST',
    state: 'GET',
  };
  const expected = routes[name];
  if (!expected)
    return {
      status: 404,
      body: oauthBody('not_found', `unknown control endpoint ${path}`),
    };
  if (method !== expected)
    return {
      status: 405,
      body: oauthBody('invalid_request', `${path} accepts ${expected} only`),
    };
  let input: Record<string, unknown> = {};
  if (body.length > 0) {
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type)) {
      return {
        status: 415,
        body: oauthBody(
          'invalid_request',
          'control bodies must be application/json',
        ),
      };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return {
        status: 400,
        body: oauthBody('invalid_request', 'body is not valid JSON'),
      };
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return {
        status: 400,
        body: oauthBody('invalid_request', 'body must be a JSON object'),
      };
    }
    input = parsed as Record<string, unknown>;
  }
  switch (name) {
    case 'clock': {
      const seconds = input.advance;
      if (
        typeof seconds !== 'number' ||
        !Number.isFinite(seconds) ||
        seconds < 0
      ) {
        return {
          status: 400,
          body: oauthBody(
            'invalid_request',
            'advance must be a non-negative number of seconds',
          ),
        };
      }
      const events = await s.advanceClock(seconds);
      return {
        status: 200,
        body: {
          now: s.world.clock.iso(),
          epochSeconds: s.world.clock.epochSeconds(),
          events,
        },
      };
    }
    case 'rotate-keys': {
      const keepOld = input.keepOld ?? true;
      if (typeof keepOld !== 'boolean')
        return {
          status: 400,
          body: oauthBody('invalid_request', 'keepOld must be a boolean'),
        };
      return {
        status: 200,
        body: { ...s.rotateKeys(keepOld), now: s.world.clock.iso() },
      };
    }
    case 'log':
      return {
        status: 200,
        body: {
          exchanges: s.world.recorder.all(),
          dropped: s.world.recorder.dropped,
          limit: s.world.recorder.limit,
        },
      };
    case 'reset': {
      const fresh = live.reset();
      return {
        status: 200,
        body: { scenario: fresh.scenario.id, now: fresh.world.clock.iso() },
      };
    }
    default:
      return { status: 200, body: state(s) };
  }
}

function state(s: LiveSession) {
  return {
    scenario: s.scenario.id,
    now: s.world.clock.iso(),
    mcpUrl: s.mcpUrl,
    issuer: s.issuer,
    signingKid: s.signingKid,
    publishedKids: s.publishedKids,
    jwksFetches: s.jwksFetches,
  };
}

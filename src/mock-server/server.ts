/**
 * The local mock ToolHive + authorization server: the simulator's MSW
 * handlers served over real HTTP with Node's `http` module and MSW's
 * `getResponse`. Framework-free, so tests and benchmarks can start it
 * in-process:
 *
 *   const server = await createMockServer({ port: 0, scenario: 'happy-path' });
 *   // ... point a client at server.mcpUrl ...
 *   await server.close();
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StepContext } from '../simulator/engine/host';
import {
  MAX_BODY_BYTES,
  readBody,
  sendJson,
  toFetchRequest,
  writeFetchResponse,
} from './node-bridge';
import {
  LIVE_SCENARIOS,
  LiveSession,
  liveScenario,
  sharedCedarLoader,
  type LiveScenario,
} from './world';
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SCENARIO } from './args';

export const CONTROL_PREFIX = '/__control/';
/** A request that takes longer than this (real time) gets 504. */
export const HANDLER_TIMEOUT_MS = 30_000;
/** Internal redirects the authorize endpoint follows for you (embedded AS -> IdP -> callback). */
const MAX_INTERNAL_REDIRECTS = 5;

export interface MockServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default happy-path. */
  scenario?: string;
  /** One line per request (method, path, status, failed check). Default: none. */
  log?: ((line: string) => void) | null;
}

export interface MockServerStats {
  requests: number;
  jwksFetches: number;
  logSize: number;
  logDropped: number;
}

export interface MockServer {
  /** The local origin, for example http://127.0.0.1:4010. */
  readonly url: string;
  /** The MCP endpoint (ToolHive), for example http://127.0.0.1:4010/mcp. */
  readonly mcpUrl: string;
  /** The authorization server's issuer. */
  readonly issuer: string;
  readonly port: number;
  readonly host: string;
  readonly scenario: LiveScenario;
  /** The current live session (replaced by POST /__control/reset). */
  readonly session: LiveSession;
  stats(): MockServerStats;
  close(): Promise<void>;
}

export class MockServerError extends Error {
  readonly code: 'unknown_scenario' | 'port_in_use' | 'listen_failed';
  constructor(code: MockServerError['code'], message: string) {
    super(message);
    this.name = 'MockServerError';
    this.code = code;
  }
}

/** The URL host for a bind address (wildcards become 127.0.0.1, IPv6 gets brackets). */
export function originHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

function oauthBody(error: string, description: string) {
  return { error, error_description: description };
}

/** The error body shape that fits the path: JSON-RPC on the MCP endpoint, OAuth elsewhere. */
function errorFor(
  pathname: string,
  mcpPath: string,
  status: number,
  error: string,
  description: string,
  rpcCode: number,
) {
  if (pathname === mcpPath) {
    return {
      status,
      body: {
        jsonrpc: '2.0',
        id: null,
        error: { code: rpcCode, message: description },
      },
    };
  }
  return { status, body: oauthBody(error, description) };
}

/** Serialises the control operations (clock, key rotation, reset); requests run concurrently. */
class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn, fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

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

export async function createMockServer(
  options: MockServerOptions = {},
): Promise<MockServer> {
  const scenarioId = options.scenario ?? DEFAULT_SCENARIO;
  const found = liveScenario(scenarioId);
  if (!found) {
    throw new MockServerError(
      'unknown_scenario',
      `unknown scenario ${scenarioId} (known: ${LIVE_SCENARIOS.map((s) => s.id).join(', ')})`,
    );
  }
  const scenario: LiveScenario = found;
  const host = options.host ?? DEFAULT_HOST;
  const log = options.log ?? null;
  const queue = new SerialQueue();
  // Assigned once the port is known (before any request can arrive).
  let session: LiveSession;
  let origin = '';
  let requests = 0;

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      // Last resort: never leave a request hanging.
      if (!res.headersSent)
        sendJson(
          res,
          500,
          oauthBody('server_error', e instanceof Error ? e.message : String(e)),
        );
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable)
      socket.end(
        'HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n',
      );
    else socket.destroy();
  });

  function logLine(
    method: string,
    path: string,
    status: number,
    check: string | null,
  ): void {
    if (!log) return;
    log(`${method} ${path} ${status}${check ? ` check=${check}` : ''}`);
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    requests++;
    const method = (req.method ?? 'GET').toUpperCase();
    const rawUrl = req.url ?? '/';
    let target: URL;
    try {
      // Always the local origin: "//host/x" stays a path, never another host.
      const absolute = rawUrl.startsWith('/') ? null : new URL(rawUrl);
      target = new URL(
        origin + (absolute ? absolute.pathname + absolute.search : rawUrl),
      );
    } catch {
      sendJson(
        res,
        400,
        oauthBody('invalid_request', 'malformed request target'),
      );
      logLine(method, rawUrl, 400, null);
      return;
    }
    const path = target.pathname;
    const live = session;
    const mcpPath = new URL(live.mcpUrl).pathname;
    const cors = corsHeaders(req);

    if (
      method === 'OPTIONS' &&
      req.headers['access-control-request-method'] &&
      !path.startsWith('/.well-known/oauth-protected-resource')
    ) {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
        'access-control-allow-headers':
          'authorization, content-type, mcp-protocol-version, mcp-session-id, last-event-id',
        'access-control-max-age': '86400',
        'content-length': '0',
      });
      res.end();
      logLine(method, path, 204, null);
      return;
    }

    const body = await readBody(req, MAX_BODY_BYTES);
    if (body.kind === 'aborted') {
      res.destroy();
      return;
    }
    if (body.kind === 'too-large') {
      const e = errorFor(
        path,
        mcpPath,
        413,
        'invalid_request',
        `request body exceeds ${MAX_BODY_BYTES} bytes`,
        -32600,
      );
      sendJson(res, e.status, e.body, { connection: 'close', ...cors });
      logLine(method, path, 413, null);
      return;
    }

    if (
      path.startsWith(CONTROL_PREFIX) ||
      path === CONTROL_PREFIX.slice(0, -1)
    ) {
      const result = await queue.run(() =>
        control(method, path, req, body.body),
      );
      sendJson(res, result.status, result.body, cors);
      logLine(method, path, result.status, null);
      return;
    }

    let request: Request;
    try {
      request = toFetchRequest(req, target.toString(), body.body);
    } catch {
      // Fetch refuses some methods outright (CONNECT, TRACE, TRACK).
      const e = errorFor(
        path,
        mcpPath,
        405,
        'invalid_request',
        `method ${method} is not supported`,
        -32600,
      );
      sendJson(res, e.status, e.body, cors);
      logLine(method, path, e.status, null);
      return;
    }
    // Not serialised: each request carries its own step context.
    const outcome = await (async () => {
      const s = session;
      const ctx = s.requestContext();
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
    await writeFetchResponse(res, response, missingCors(response, cors));
    logLine(method, path, response.status, outcome.check);
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
        (next.origin !== origin ||
          (route.actor === 'authorization-server' &&
            s.world.as.matches(next.pathname)));
      if (!internal) break;
      response = await s.answer(new Request(next, { redirect: 'manual' }), ctx);
    }
    return response;
  }

  async function control(
    method: string,
    path: string,
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; body: unknown }> {
    const s = session;
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
      case 'reset':
        session = new LiveSession(scenario, origin, sharedCedarLoader);
        return {
          status: 200,
          body: { scenario: scenario.id, now: session.world.clock.iso() },
        };
      default:
        return { status: 200, body: state() };
    }
  }

  function state() {
    const s = session;
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

  await new Promise<void>((resolvePromise, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE')
        reject(
          new MockServerError(
            'port_in_use',
            `port ${options.port ?? DEFAULT_PORT} on ${host} is already in use`,
          ),
        );
      else
        reject(
          new MockServerError(
            'listen_failed',
            `cannot listen on ${host}:${options.port ?? DEFAULT_PORT}: ${err.message}`,
          ),
        );
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(options.port ?? DEFAULT_PORT, host);
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${originHost(host)}:${port}`;
  session = new LiveSession(scenario, origin, sharedCedarLoader);

  return {
    url: origin,
    get mcpUrl() {
      return session.mcpUrl;
    },
    get issuer() {
      return session.issuer;
    },
    port,
    host,
    scenario,
    get session() {
      return session;
    },
    stats: () => ({
      requests,
      jwksFetches: session.jwksFetches,
      logSize: session.world.recorder.all().length,
      logDropped: session.world.recorder.dropped,
    }),
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers':
      'www-authenticate, mcp-session-id, mcp-protocol-version, location',
    vary: 'origin',
  };
}

/** CORS headers the actor's response does not already carry. */
function missingCors(
  response: Response,
  cors: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cors))
    if (!response.headers.has(k)) out[k] = v;
  return out;
}

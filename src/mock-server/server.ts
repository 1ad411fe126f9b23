/**
 * The local mock ToolHive + authorization server: the simulator's actors
 * served over real HTTP with Node's `http` module, each request answered by
 * the engine's dispatch in its own step context (so requests run
 * concurrently). Framework-free, so tests and benchmarks can start it
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
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_SCENARIO,
  unknownRevisionMessage,
} from './args';
import { isSpecRevision, type SpecRevision } from '../simulator/engine/types';
import { CONTROL_PREFIX, control, type LiveRef } from './control';
import { listen } from './listen';
import { answerLive } from './answer';
import {
  MockServerError,
  corsHeaders,
  errorFor,
  missingCors,
  oauthBody,
  originHost,
} from './responses';

export { MockServerError };

export interface MockServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default happy-path. */
  scenario?: string;
  /** The MCP spec revision the servers follow. Default: the scenario's, else 2025-11-25. */
  revision?: SpecRevision;
  /** One line per request (method, path, status, failed check). Default: none. */
  log?: ((line: string) => void) | null;
}

interface MockServerStats {
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
  /** The MCP spec revision the servers follow. */
  readonly revision: SpecRevision;
  /** The current live session (replaced by POST /__control/reset). */
  readonly session: LiveSession;
  stats(): MockServerStats;
  close(): Promise<void>;
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
  if (options.revision !== undefined && !isSpecRevision(options.revision)) {
    throw new MockServerError(
      'unknown_revision',
      unknownRevisionMessage(String(options.revision)),
    );
  }
  const revision = options.revision;
  const host = options.host ?? DEFAULT_HOST;
  const log = options.log ?? null;
  const queue = new SerialQueue();
  // Assigned once the port is known (before any request can arrive).
  let session: LiveSession;
  const live: LiveRef = {
    get session() {
      return session;
    },
    reset() {
      session = new LiveSession(scenario, origin, sharedCedarLoader, revision);
      return session;
    },
  };
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
    const mcpPath = new URL(session.mcpUrl).pathname;
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
        control(live, method, path, req, body.body),
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
    const { response, check } = await answerLive(
      session,
      request,
      path,
      mcpPath,
    );
    await writeFetchResponse(res, response, missingCors(response, cors));
    logLine(method, path, response.status, check);
  }

  await listen(server, host, options.port ?? DEFAULT_PORT);
  const port = (server.address() as AddressInfo).port;
  origin = `http://${originHost(host)}:${port}`;
  session = new LiveSession(scenario, origin, sharedCedarLoader, revision);

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
    revision: session.world.config.revision,
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

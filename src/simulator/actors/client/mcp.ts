/**
 * MCP calls over Streamable HTTP with the bearer token: JSON-RPC requests,
 * the answers (a JSON body, or a server-sent event stream), session and
 * protocol version headers, and what a 401 or 403 means to the client.
 */
import { SimError } from '../../engine/errors';
import { readJson } from '../http-util';
import { bearerChallenge } from './challenge';
import {
  failedCheck,
  META_KEYS,
  MCP_PROTOCOL_VERSION,
  type ClientCore,
  type ClientHost,
  type ClientOptions,
  type ClientState,
} from './context';

export function initializeParams(o: ClientOptions): Record<string, unknown> {
  return {
    protocolVersion: MCP_PROTOCOL_VERSION,
    capabilities: {},
    clientInfo: { name: o.clientName, version: '1.0.0' },
  };
}

/** Does this client send 2026-07-28's session-less requests right now? */
export function stateless(s: ClientState, o: ClientOptions): boolean {
  return o.revision === '2026-07-28' && s.statelessTransport !== false;
}

/** 2026-07-28: the protocol version and capabilities every request carries. */
function withMeta(
  o: ClientOptions,
  params: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const meta = (params?._meta ?? {}) as Record<string, unknown>;
  return {
    ...params,
    _meta: {
      ...meta,
      [META_KEYS.protocolVersion]: '2026-07-28',
      [META_KEYS.clientCapabilities]: {},
      [META_KEYS.clientInfo]: { name: o.clientName, version: '1.0.0' },
    },
  };
}

/**
 * What a `server/discover` answer says: `stateless` when the server names
 * 2026-07-28 (as its protocol version or among its supported versions),
 * `legacy` when it does not know the method (JSON-RPC -32601, what a
 * 2025-11-25 server answers), else `unknown`.
 */
export function discoverVerdict(
  result: unknown,
): 'stateless' | 'legacy' | 'unknown' {
  const r = (result ?? {}) as {
    code?: unknown;
    protocolVersion?: unknown;
    supportedVersions?: unknown;
  };
  if (r.code === -32601) return 'legacy';
  const versions = Array.isArray(r.supportedVersions)
    ? r.supportedVersions
    : [r.protocolVersion];
  return versions.includes('2026-07-28') ? 'stateless' : 'unknown';
}

export function rpcRequest(
  s: ClientState,
  o: ClientOptions,
  method: string,
  params: Record<string, unknown> | undefined,
  token: string | null,
  notification = false,
): Request {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
  };
  // After initialize, every request names the agreed protocol version.
  if (s.sessionId || s.protocolVersion)
    headers['mcp-protocol-version'] = s.protocolVersion ?? MCP_PROTOCOL_VERSION;
  if (s.sessionId) headers['mcp-session-id'] = s.sessionId;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const body: Record<string, unknown> = { jsonrpc: '2.0' };
  if (!notification) body.id = ++s.rpcId;
  body.method = method;
  const sent = stateless(s, o) ? withMeta(o, params) : params;
  if (sent) body.params = sent;
  return new Request(o.mcpUrl, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
}

interface RpcMessage {
  id?: unknown;
  result?: unknown;
  error?: unknown;
}

/** The JSON-RPC answer to request `id`: a JSON body, or a `data:` event in a stream. */
async function readRpcAnswer(
  res: Response,
  id: number,
): Promise<RpcMessage | undefined> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('text/event-stream'))
    return (await readJson(res)) as RpcMessage | undefined;
  const text = await res.text();
  for (const event of text.split(/\r?\n\r?\n/)) {
    const data = event
      .split(/\r?\n/)
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).replace(/^ /, ''))
      .join('\n');
    if (!data) continue;
    try {
      const msg = JSON.parse(data) as RpcMessage;
      if (msg.id === id) return msg;
    } catch {
      // Not JSON: not an answer; keep reading.
    }
  }
  return undefined;
}

async function mcpFailure(
  host: ClientHost,
  s: ClientState,
  res: Response,
): Promise<never> {
  const challenge = bearerChallenge(res);
  // Nothing reads `res` after this: its body is read here, not a clone's.
  const body = (await readJson(res)) as { error?: unknown } | undefined;
  const bodyError = typeof body?.error === 'string' ? body.error : undefined;
  const oauthErr = challenge?.params.error ?? bodyError;
  if (res.status === 401) {
    // The latest challenge is what the client authorizes against next.
    if (challenge) s.challenge = challenge;
    throw new SimError(
      'mcp_unauthorized',
      challenge?.params.error_description ??
        'the MCP endpoint answered 401 Unauthorized',
      {
        status: 401,
        ...(oauthErr ? { oauthError: oauthErr } : {}),
        ...failedCheck(host),
      },
    );
  }
  if (res.status === 403) {
    throw new SimError(
      'mcp_forbidden',
      'the MCP endpoint answered 403 Forbidden',
      {
        status: 403,
        ...(oauthErr ? { oauthError: oauthErr } : {}),
        ...failedCheck(host),
      },
    );
  }
  throw new SimError(
    'mcp_error',
    `the MCP endpoint answered HTTP ${res.status}`,
    {
      status: res.status,
    },
  );
}

export interface RpcOutcome {
  status: number;
  result: unknown;
  /** The scope a 403 insufficient_scope challenge asks for, else null. */
  insufficientScope: string | null;
}

export function mcpCalls({ host, o, s, send }: ClientCore) {
  const calls = {
    /** Sends a JSON-RPC request to the MCP server with the bearer token. */
    async rpc(
      method: string,
      params?: Record<string, unknown>,
      tokenOverride?: string | null,
    ): Promise<RpcOutcome> {
      const token = tokenOverride === undefined ? s.accessToken : tokenOverride;
      const request = rpcRequest(s, o, method, params, token);
      const id = s.rpcId;
      const res = await send(request);
      if (res.status === 403) {
        const c = bearerChallenge(res);
        if (c?.params.error === 'insufficient_scope')
          return {
            status: 403,
            result: null,
            insufficientScope: c.params.scope ?? null,
          };
      }
      if (res.status !== 200 && res.status !== 202)
        return mcpFailure(host, s, res);
      const sid = res.headers.get('mcp-session-id');
      if (sid) s.sessionId = sid;
      const body =
        res.status === 200 ? await readRpcAnswer(res, id) : undefined;
      const agreed = (body?.result as { protocolVersion?: unknown } | undefined)
        ?.protocolVersion;
      if (method === 'initialize' && typeof agreed === 'string')
        s.protocolVersion = agreed;
      s.lastResult = body?.result ?? body?.error ?? null;
      return {
        status: res.status,
        result: s.lastResult,
        insufficientScope: null,
      };
    },

    /**
     * Opens the conversation. 2025-11-25: initialize, then the initialized
     * notification. 2026-07-28: `server/discover` (the optional probe); a
     * server that does not know it is an older one, so the client falls
     * back to the 2025-11-25 handshake and session for it.
     */
    async connect(): Promise<string> {
      let fellBack = false;
      if (stateless(s, o)) {
        const d = await calls.rpc('server/discover');
        const verdict = discoverVerdict(d.result);
        if (verdict === 'stateless') {
          s.statelessTransport = true;
          s.protocolVersion = '2026-07-28';
          return `HTTP ${d.status}: the server speaks 2026-07-28; no handshake and no session`;
        }
        s.statelessTransport = false;
        fellBack = true;
      }
      const r = await calls.rpc('initialize', initializeParams(o));
      await calls.notifyInitialized();
      const session = `session ${s.sessionId ?? '(none)'} started`;
      return fellBack
        ? `server/discover is unknown to the server, so the client fell back to initialize: HTTP ${r.status}, ${session}`
        : `HTTP ${r.status}: ${session}`;
    },

    /** Sends the notifications/initialized notification. */
    async notifyInitialized(): Promise<void> {
      const res = await send(
        rpcRequest(
          s,
          o,
          'notifications/initialized',
          undefined,
          s.accessToken,
          true,
        ),
      );
      if (res.status !== 202 && res.status !== 200)
        await mcpFailure(host, s, res);
    },
  };
  return calls;
}

/** Error bodies, CORS headers and the error type of the local mock server. */
import type { IncomingMessage } from 'node:http';

export class MockServerError extends Error {
  readonly code:
    'unknown_scenario' | 'unknown_revision' | 'port_in_use' | 'listen_failed';
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

export function oauthBody(error: string, description: string) {
  return { error, error_description: description };
}

/** The error body shape that fits the path: JSON-RPC on the MCP endpoint, OAuth elsewhere. */
export function errorFor(
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

export function corsHeaders(req: IncomingMessage): Record<string, string> {
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
export function missingCors(
  response: Response,
  cors: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(cors))
    if (!response.headers.has(k)) out[k] = v;
  return out;
}

/**
 * A minimal MCP server over Streamable HTTP with JSON responses: initialize,
 * notifications/initialized, tools/list and tools/call. It keeps the headers
 * it received so the simulator can show what ToolHive forwarded.
 */
import type { ActorHost } from '../engine/host';
import type { HeaderList } from '../engine/types';
import { decodeSegment } from './jwt';
import { json, readJson } from './http-util';

export interface BackendOptions {
  url: string;
  tools: Array<{ name: string; description: string }>;
}

export const DEMO_TOOLS: BackendOptions['tools'] = [
  { name: 'echo', description: 'Returns the text you send.' },
  { name: 'get_weather', description: 'Returns a canned forecast for a city.' },
  {
    name: 'delete_records',
    description: 'Deletes records (needs the admin role).',
  },
];

/** One line describing the Authorization header the backend saw. */
function describeAuthorization(value: string | null): string {
  if (value === null) return 'no Authorization header';
  if (!value.startsWith('Bearer ')) return 'a non-bearer Authorization header';
  const claims = decodeSegment(value.slice(7).split('.')[1]);
  if (!claims) return 'an opaque bearer token';
  return `a bearer token for aud ${JSON.stringify(claims.aud ?? null)} issued by ${String(claims.iss ?? '?')}`;
}

export function createBackend(host: ActorHost, options: BackendOptions) {
  const u = new URL(options.url);
  const received: Array<{ stepId: string; headers: HeaderList }> = [];

  async function handle(request: Request): Promise<Response> {
    const headers: Array<[string, string]> = [];
    request.headers.forEach((v, k) => headers.push([k, v]));
    received.push({ stepId: host.ctx.stepId, headers });
    if (
      request.method !== 'POST' ||
      new URL(request.url).pathname !== u.pathname
    ) {
      return json(405, {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32000, message: 'Method not allowed' },
      });
    }
    const rpc = (await readJson(request)) as
      | {
          id?: unknown;
          method?: unknown;
          params?: { name?: unknown; arguments?: Record<string, unknown> };
        }
      | undefined;
    if (!rpc || typeof rpc.method !== 'string')
      return json(400, {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32700, message: 'Parse error' },
      });
    const id = rpc.id ?? null;
    const seen = describeAuthorization(request.headers.get('authorization'));
    switch (rpc.method) {
      case 'initialize':
        return json(
          200,
          {
            jsonrpc: '2.0',
            id,
            result: {
              protocolVersion: '2025-11-25',
              capabilities: { tools: {} },
              serverInfo: { name: 'demo-backend', version: '1.0.0' },
            },
          },
          { 'mcp-session-id': `session-${host.ids.hex('session', 8)}` },
        );
      case 'notifications/initialized':
        return new Response(null, { status: 202 });
      case 'tools/list':
        return json(200, {
          jsonrpc: '2.0',
          id,
          result: {
            tools: options.tools.map((t) => ({
              ...t,
              inputSchema: { type: 'object' },
            })),
          },
        });
      case 'tools/call': {
        const name = String(rpc.params?.name ?? '');
        if (!options.tools.some((t) => t.name === name)) {
          return json(200, {
            jsonrpc: '2.0',
            id,
            error: { code: -32602, message: `Unknown tool: ${name}` },
          });
        }
        const args = JSON.stringify(rpc.params?.arguments ?? {});
        return json(200, {
          jsonrpc: '2.0',
          id,
          result: {
            content: [
              {
                type: 'text',
                text: `${name} ran with ${args}. The backend received ${seen}.`,
              },
            ],
            isError: false,
          },
        });
      }
      default:
        return json(200, {
          jsonrpc: '2.0',
          id,
          error: { code: -32601, message: 'Method not found' },
        });
    }
  }

  return {
    actor: 'backend' as const,
    origin: u.origin,
    matches: (pathname: string) => pathname === u.pathname,
    handle,
    received,
  };
}

/**
 * The CLI's session against a hand-written server: a login page instead of
 * a redirect (so a "person" finishes on the loopback redirect URI), a secret
 * sent as client_secret_post, an answer as a server-sent event stream, and a
 * step-up on 403 insufficient_scope. Then failures: one line, exit 1.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runClient } from '../../../src/cli/run';
import type { CliOptions } from '../../../src/cli/args';
import { jsonPrinter } from '../../../src/cli/print';

const MCP = 'https://mcp.test/mcp';
const AS = 'https://as.test';
const PRM = 'https://mcp.test/.well-known/oauth-protected-resource/mcp';

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const address = srv.address();
  await new Promise((r) => srv.close(r));
  if (typeof address !== 'object' || address === null)
    throw new Error('no port');
  return address.port;
}

const json = (status: number, body: unknown, headers: HeadersInit = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

/** A server that needs a person at its authorization endpoint. */
function fakeServer() {
  const seen: string[] = [];
  const grants = new Map<string, string>();
  let lastScope = '';
  const fetch = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    seen.push(`${req.method} ${url.origin}${url.pathname}`);
    if (req.url === PRM)
      return json(200, { resource: MCP, authorization_servers: [AS] });
    if (req.url === `${AS}/.well-known/oauth-authorization-server`)
      return json(200, {
        issuer: AS,
        authorization_endpoint: `${AS}/authorize`,
        token_endpoint: `${AS}/token`,
        registration_endpoint: `${AS}/register`,
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    if (url.pathname === '/register') {
      const body = (await req.json()) as { token_endpoint_auth_method: string };
      expect(body.token_endpoint_auth_method).toBe('client_secret_post');
      return json(201, { client_id: 'c1', client_secret: 's1' });
    }
    if (url.pathname === '/authorize') {
      lastScope = url.searchParams.get('scope') ?? '';
      return new Response('<form>Sign in</form>', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    }
    if (url.pathname === '/token') {
      const form = new URLSearchParams(await req.text());
      if (
        form.get('client_secret') !== 's1' ||
        req.headers.has('authorization')
      )
        return json(401, { error: 'invalid_client' });
      const token = `tok-${grants.size + 1}`;
      grants.set(token, lastScope);
      return json(200, { access_token: token, token_type: 'Bearer' });
    }
    if (url.href === MCP) {
      const auth = req.headers.get('authorization');
      const scope = auth ? grants.get(auth.slice(7)) : undefined;
      const rpc = (await req.json()) as { id?: number; method: string };
      if (scope === undefined)
        return json(
          401,
          {},
          {
            'www-authenticate': `Bearer resource_metadata="${PRM}", scope="read"`,
          },
        );
      if (rpc.method === 'notifications/initialized')
        return new Response(null, { status: 202 });
      if (rpc.method === 'tools/call' && !scope.includes('write'))
        return json(
          403,
          {},
          {
            'www-authenticate':
              'Bearer error="insufficient_scope", scope="read write"',
          },
        );
      const result =
        rpc.method === 'tools/list'
          ? { tools: [{ name: 'save' }] }
          : { content: [{ type: 'text', text: `ran ${rpc.method}` }] };
      const message = JSON.stringify({ jsonrpc: '2.0', id: rpc.id, result });
      return rpc.method === 'tools/list'
        ? new Response(`event: message\ndata: ${message}\n\n`, {
            headers: { 'content-type': 'text/event-stream' },
          })
        : json(200, { jsonrpc: '2.0', id: rpc.id, result });
    }
    return json(404, { error: 'not_found' });
  };
  return { fetch, seen };
}

function options(redirectUri: string): CliOptions {
  return {
    mcpUrl: MCP,
    json: true,
    toolCall: { name: 'save', arguments: {} },
    clientId: null,
    clientSecret: null,
    clientMetadataUrl: null,
    redirectUri,
    clientName: 'test',
    waitSeconds: 10,
    revision: '2025-11-25',
  };
}

describe('CLI session', () => {
  it('waits for a person on the loopback redirect URI, steps up, and reads SSE answers', async () => {
    const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    const server = fakeServer();
    const lines: Array<Record<string, unknown>> = [];
    const browsed: string[] = [];
    const result = await runClient(options(redirectUri), {
      fetch: server.fetch,
      printer: jsonPrinter(
        (s) => lines.push(JSON.parse(s) as Record<string, unknown>),
        () => undefined,
      ),
      // The "person": opens the printed URL, signs in, and is sent back.
      tell: (line) => {
        const m = /^https:\/\/as\.test\/authorize\?\S+$/m.exec(line);
        if (!m) return;
        const state = new URL(m[0]).searchParams.get('state') ?? '';
        browsed.push(m[0]);
        void globalThis.fetch(`${redirectUri}?code=abc&state=${state}`);
      },
    });
    expect(lines.filter((l) => l.type === 'error')).toEqual([]);
    expect(result.code).toBe(0);
    expect(browsed).toHaveLength(2);
    expect(new URL(browsed[1] ?? '').searchParams.get('scope')).toBe(
      'read write',
    );
    const done = lines.find((l) => l.type === 'done');
    expect(done).toMatchObject({
      registration: 'dcr',
      tools: { tools: [{ name: 'save' }] },
      tool_result: { content: [{ text: 'ran tools/call' }] },
    });
    const steps = lines.filter((l) => l.type === 'step').map((l) => l.stepId);
    expect(steps).toEqual([
      'probe_unauthenticated',
      'fetch_resource_metadata',
      'fetch_authorization_server_metadata',
      'register_client',
      'authorize',
      'exchange_code',
      'call_initialize',
      'list_tools',
      'call_tool',
      'step_up_authorize',
      'step_up_exchange_code',
      'retry_tool_call',
    ]);
  });

  it('follows 2026-07-28 with --revision: server/discover, application_type, and a fallback to initialize', async () => {
    const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    const server = fakeServer();
    const result = await runClient(
      { ...options(redirectUri), revision: '2026-07-28' },
      {
        fetch: server.fetch,
        printer: jsonPrinter(
          () => undefined,
          () => undefined,
        ),
        tell: (line) => {
          const m = /^https:\/\/as\.test\/authorize\?\S+$/m.exec(line);
          if (!m) return;
          const state = new URL(m[0]).searchParams.get('state') ?? '';
          void globalThis.fetch(`${redirectUri}?code=abc&state=${state}`);
        },
      },
    );
    expect(result.code).toBe(0);
    const bodies = result.exchanges
      .map((x) => x.request.body ?? '')
      .filter((b) => b.startsWith('{'))
      .map((b) => JSON.parse(b) as Record<string, unknown>);
    expect(bodies[0]).toMatchObject({ method: 'server/discover' });
    expect(
      bodies.find((b) => b !== null && 'redirect_uris' in b),
    ).toMatchObject({ application_type: 'native' });
    const init = result.exchanges
      .filter((x) => x.stepId === 'call_initialize')
      .map(
        (x) =>
          (JSON.parse(x.request.body ?? '{}') as { method: string }).method,
      );
    expect(init).toEqual([
      'server/discover',
      'initialize',
      'notifications/initialized',
    ]);
  });

  it('stops with one line on stderr and exit 1 when discovery fails', async () => {
    const errors: string[] = [];
    const result = await runClient(options('http://127.0.0.1:1/cb'), {
      fetch: async (req) =>
        req.method === 'POST'
          ? json(401, {}, { 'www-authenticate': 'Bearer' })
          : json(404, { error: 'not_found' }),
      printer: jsonPrinter(
        () => undefined,
        (s) => errors.push(s),
      ),
      tell: () => undefined,
    });
    expect(result.code).toBe(1);
    expect(errors).toEqual([
      'client: fetch_resource_metadata: no protected resource metadata found (prm_not_found, HTTP 404)\n',
    ]);
  });
});

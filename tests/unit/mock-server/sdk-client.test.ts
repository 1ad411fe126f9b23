/**
 * The official MCP TypeScript SDK against the local mock server over real
 * HTTP on 127.0.0.1: discovery, DCR, authorize (302 followed), token, then
 * initialize + tools/list over Streamable HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  createMockServer,
  type MockServer,
} from '../../../src/mock-server/server';
import {
  challengeError,
  control,
  FollowRedirectProvider,
  mcpCall,
  sdkLogin,
} from './helpers';

describe('MCP TypeScript SDK against the mock server (happy-path)', () => {
  let server: MockServer;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await createMockServer({
      port: 0,
      scenario: 'happy-path',
      log: (l) => lines.push(l),
    });
  });
  afterAll(() => server.close());

  it('rewrites discovery to the local origin', async () => {
    expect(server.mcpUrl).toBe(`http://127.0.0.1:${server.port}/mcp`);
    const probe = await mcpCall(server.mcpUrl, null, 'initialize');
    expect(probe.status).toBe(401);
    expect(probe.headers.get('www-authenticate')).toContain(
      `resource_metadata="${server.url}/.well-known/oauth-protected-resource/mcp"`,
    );
    const prm = (await (
      await fetch(`${server.url}/.well-known/oauth-protected-resource/mcp`)
    ).json()) as Record<string, unknown>;
    expect(prm.resource).toBe(server.mcpUrl);
    expect(prm.authorization_servers).toEqual([server.url]);
    const meta = (await (
      await fetch(`${server.url}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(meta.issuer).toBe(server.url);
    expect(meta.jwks_uri).toBe(`${server.url}/jwks`);
    expect(meta.authorization_endpoint).toBe(`${server.url}/authorize`);
  });

  it('auth() then initialize + tools/list over Streamable HTTP succeeds', async () => {
    const { provider, accessToken } = await sdkLogin(server.mcpUrl);
    const claims = JSON.parse(
      Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims.iss).toBe(server.url);
    expect(claims.aud).toBe(server.mcpUrl);

    const client = new Client({ name: 'vitest', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(
      new URL(server.mcpUrl),
      { authProvider: provider },
    );
    await client.connect(transport);
    expect(client.getServerVersion()?.name).toBe('demo-backend');
    const { tools } = await client.listTools();
    // Cedar filters delete_records out (alice is not an admin).
    expect(tools.map((t) => t.name).sort()).toEqual(['echo', 'get_weather']);
    await client.close();
    expect(lines.some((l) => l.startsWith('POST /mcp 200'))).toBe(true);
    expect(
      lines.some(
        (l) =>
          /^GET \/authorize(\?| )/.test(l) ||
          l.startsWith('GET /authorize 302'),
      ),
    ).toBe(true);
  });

  it('the transport alone runs the whole flow from the first 401', async () => {
    const provider = new FollowRedirectProvider();
    const client = new Client({ name: 'vitest', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(
      new URL(server.mcpUrl),
      { authProvider: provider },
    );
    // First connect: 401 -> auth() -> REDIRECT -> UnauthorizedError; then finishAuth with the code.
    await expect(client.connect(transport)).rejects.toThrow();
    expect(provider.code).toBeTruthy();
    await transport.finishAuth(provider.code ?? '');
    const client2 = new Client({ name: 'vitest', version: '1.0.0' });
    await client2.connect(
      new StreamableHTTPClientTransport(new URL(server.mcpUrl), {
        authProvider: provider,
      }),
    );
    expect((await client2.listTools()).tools.length).toBe(2);
    await client2.close();
  });

  it('accepts a loopback redirect URI on any port', async () => {
    const reg = await fetch(`${server.url}/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_name: 'any port',
        redirect_uris: ['http://127.0.0.1/cb'],
      }),
    });
    const { client_id } = (await reg.json()) as { client_id: string };
    const u = new URL(`${server.url}/authorize`);
    u.search = new URLSearchParams({
      response_type: 'code',
      client_id,
      redirect_uri: 'http://127.0.0.1:54321/cb',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      state: 'xyz',
      resource: server.mcpUrl,
    }).toString();
    const res = await fetch(u, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location') ?? '');
    expect(loc.origin).toBe('http://127.0.0.1:54321');
    expect(loc.searchParams.get('state')).toBe('xyz');
    expect(loc.searchParams.get('code')).toBeTruthy();
  });

  it('records the exchanges and serves them on GET /__control/log', async () => {
    const { status, json } = await control(server.url, 'log');
    expect(status).toBe(200);
    const exchanges = json.exchanges as Array<{
      actor: string;
      request: { url: string };
    }>;
    expect(exchanges.some((e) => e.actor === 'toolhive')).toBe(true);
    expect(
      exchanges.some(
        (e) =>
          e.actor === 'authorization-server' && e.request.url.endsWith('/jwks'),
      ),
    ).toBe(true);
    expect(exchanges.some((e) => e.actor === 'backend')).toBe(true);
  });
});

describe('MCP TypeScript SDK against --scenario wrong-audience', () => {
  let server: MockServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await createMockServer({
      port: 0,
      scenario: 'wrong-audience',
      log: (l) => lines.push(l),
    });
  });
  afterAll(() => server.close());

  it("gets ToolHive's 401 invalid_token", async () => {
    const { provider, accessToken } = await sdkLogin(server.mcpUrl);
    const client = new Client({ name: 'vitest', version: '1.0.0' });
    const transport = new StreamableHTTPClientTransport(
      new URL(server.mcpUrl),
      { authProvider: provider },
    );
    await expect(client.connect(transport)).rejects.toThrow();
    const res = await mcpCall(server.mcpUrl, accessToken, 'initialize');
    expect(res.status).toBe(401);
    expect(challengeError(res)).toBe('invalid_token');
    expect(res.headers.get('www-authenticate')).toContain(
      'error_description="invalid audience"',
    );
    expect(lines).toContain('POST /mcp 401 check=aud');
  });
});

describe('--scenario consent-denied', () => {
  it('redirects with error=access_denied', async () => {
    const server = await createMockServer({
      port: 0,
      scenario: 'consent-denied',
    });
    try {
      await expect(sdkLogin(server.mcpUrl)).rejects.toThrow(/access_denied/);
    } finally {
      await server.close();
    }
  });
});

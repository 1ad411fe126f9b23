/* eslint-disable @typescript-eslint/no-non-null-assertion -- a wrong guess fails the test right there, which is what a test wants. */
import { describe, expect, it } from 'vitest';
import {
  createClient,
  parseWwwAuthenticate,
} from '../../../src/simulator/actors/client';
import { SimError } from '../../../src/simulator/engine/errors';
import { makeWorld } from './world-helpers';

describe('WWW-Authenticate parsing', () => {
  it('reads quoted and token parameters, escapes and several challenges', () => {
    expect(
      parseWwwAuthenticate(
        'Bearer realm="a, b", error=invalid_token, error_description="say \\"hi\\""',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'a, b',
          error: 'invalid_token',
          error_description: 'say "hi"',
        },
      },
    ]);
    expect(
      parseWwwAuthenticate('Basic realm="x", Bearer scope="a b"').map(
        (c) => c.scheme,
      ),
    ).toEqual(['basic', 'bearer']);
    expect(parseWwwAuthenticate(null)).toEqual([]);
  });
});

/** A client whose requests go to a hand-written fake, to exercise discovery fallbacks. */
function clientWith(routes: Record<string, () => Response>) {
  const w = makeWorld();
  const seen: string[] = [];
  const send = async (req: Request) => {
    seen.push(`${req.method} ${req.url}`);
    const r = routes[`${req.method} ${req.url}`];
    return r
      ? r()
      : new Response('{"error":"not_found"}', {
          status: 404,
          headers: { 'content-type': 'application/json' },
        });
  };
  const client = createClient(
    w,
    {
      revision: '2025-11-25',
      mcpUrl: 'https://mcp.example.com/mcp',
      redirectUri: 'http://127.0.0.1:33418/callback',
      clientName: 't',
      cimdUrl: 'https://app.example.com/c.json',
      supportsCimd: true,
      preRegisteredClientId: null,
      pkceFault: 'none',
      maxStepUp: 2,
    },
    send,
  );
  return { client, seen, world: w };
}

const json = (body: unknown) => () =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });

describe('client discovery', () => {
  it('falls back to the path-suffixed then root PRM when the challenge has no resource_metadata', async () => {
    const { client, seen } = clientWith({
      'POST https://mcp.example.com/mcp': () =>
        new Response(null, {
          status: 401,
          headers: { 'www-authenticate': 'Bearer error="invalid_request"' },
        }),
      'GET https://mcp.example.com/.well-known/oauth-protected-resource': json({
        resource: 'https://mcp.example.com/mcp',
        authorization_servers: ['https://auth.example.com'],
      }),
    });
    await client.probe();
    await client.fetchResourceMetadata();
    expect(seen.slice(1)).toEqual([
      'GET https://mcp.example.com/.well-known/oauth-protected-resource/mcp',
      'GET https://mcp.example.com/.well-known/oauth-protected-resource',
    ]);
  });

  it('refuses PRM whose resource is another server', async () => {
    const { client } = clientWith({
      'GET https://mcp.example.com/.well-known/oauth-protected-resource/mcp':
        json({
          resource: 'https://evil.example/mcp',
          authorization_servers: ['https://auth.example.com'],
        }),
    });
    await expect(client.fetchResourceMetadata()).rejects.toMatchObject({
      code: 'prm_resource_mismatch',
    });
  });

  it('tries RFC 8414 first, then OIDC discovery, and checks the issuer', async () => {
    const prm = json({
      resource: 'https://mcp.example.com/mcp',
      authorization_servers: ['https://auth.example.com'],
    });
    const meta = {
      issuer: 'https://auth.example.com',
      authorization_endpoint: 'https://auth.example.com/a',
      token_endpoint: 'https://auth.example.com/t',
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    };
    const { client, seen } = clientWith({
      'GET https://mcp.example.com/.well-known/oauth-protected-resource/mcp':
        prm,
      'GET https://auth.example.com/.well-known/openid-configuration':
        json(meta),
    });
    await client.fetchResourceMetadata();
    await client.fetchAuthorizationServerMetadata();
    expect(seen.slice(1)).toEqual([
      'GET https://auth.example.com/.well-known/oauth-authorization-server',
      'GET https://auth.example.com/.well-known/openid-configuration',
    ]);

    const bad = clientWith({
      'GET https://mcp.example.com/.well-known/oauth-protected-resource/mcp':
        prm,
      'GET https://auth.example.com/.well-known/oauth-authorization-server':
        json({ ...meta, issuer: 'https://evil.example' }),
    });
    await bad.client.fetchResourceMetadata();
    await expect(
      bad.client.fetchAuthorizationServerMetadata(),
    ).rejects.toMatchObject({ code: 'as_issuer_mismatch', check: 'as-issuer' });
  });

  it('uses the issuer path discovery order for an issuer with a path', async () => {
    const { client, seen } = clientWith({
      'GET https://mcp.example.com/.well-known/oauth-protected-resource/mcp':
        json({
          resource: 'https://mcp.example.com/mcp',
          authorization_servers: ['https://auth.example.com/tenant1'],
        }),
    });
    await client.fetchResourceMetadata();
    await expect(
      client.fetchAuthorizationServerMetadata(),
    ).rejects.toBeInstanceOf(SimError);
    expect(seen.slice(1)).toEqual([
      'GET https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
      'GET https://auth.example.com/.well-known/openid-configuration/tenant1',
      'GET https://auth.example.com/tenant1/.well-known/openid-configuration',
    ]);
  });
});

describe('client authorization request', () => {
  it('sends PKCE S256, state, resource and the challenged scope', async () => {
    const w = makeWorld();
    const c = w.client;
    await c.probe();
    await c.fetchResourceMetadata();
    await c.fetchAuthorizationServerMetadata();
    await c.register();
    await c.authorize();
    const req = new URL(
      w.recorder.all().find((x) => x.request.url.includes('/authorize'))!
        .request.url,
    );
    expect(req.searchParams.get('code_challenge_method')).toBe('S256');
    expect(req.searchParams.get('code_challenge')).toMatch(
      /^[A-Za-z0-9_-]{43}$/,
    );
    expect(req.searchParams.get('resource')).toBe(
      'https://mcp.example.com/mcp',
    );
    expect(req.searchParams.get('scope')).toBe('mcp:tools');
    expect(req.searchParams.get('state')).toBe(c.state.state);
    await c.exchangeCode();
    const tokenReq = new URLSearchParams(
      w.recorder.all().find((x) => x.request.url.endsWith('/token'))!.request
        .body!,
    );
    expect(tokenReq.get('resource')).toBe('https://mcp.example.com/mcp');
    expect(tokenReq.get('code_verifier')).toBe(c.state.verifier);
  });

  it('falls back to scopes_supported when the challenge has no scope', async () => {
    const w = makeWorld('happy-path', (cfg) => (cfg.toolhive.scopes = []));
    const c = w.client;
    await c.probe();
    expect(c.state.challenge?.params.scope).toBeUndefined();
    await c.fetchResourceMetadata();
    await c.fetchAuthorizationServerMetadata();
    await c.register();
    await c.authorize();
    expect(c.state.scope).toBe('openid');
  });
});

describe('2026-07-28 transport against a server that speaks it', () => {
  it('keeps no session and puts the protocol version in _meta of every request', async () => {
    const w = makeWorld();
    const bodies: Array<Record<string, unknown>> = [];
    const headers: Headers[] = [];
    const send = async (req: Request) => {
      const body = (await req.json()) as Record<string, unknown>;
      bodies.push(body);
      headers.push(req.headers);
      const result =
        body.method === 'server/discover'
          ? { supportedVersions: ['2026-07-28'], capabilities: { tools: {} } }
          : { tools: [] };
      return new Response(
        JSON.stringify({ jsonrpc: '2.0', id: body.id, result }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    };
    const client = createClient(
      w,
      {
        revision: '2026-07-28',
        mcpUrl: 'https://mcp.example.com/mcp',
        redirectUri: 'http://127.0.0.1:33418/callback',
        clientName: 't',
        cimdUrl: 'https://app.example.com/c.json',
        supportsCimd: true,
        preRegisteredClientId: null,
        pkceFault: 'none',
        maxStepUp: 2,
      },
      send,
    );
    expect(await client.connect()).toMatch(/no handshake and no session/);
    await client.rpc('tools/list');
    expect(bodies.map((b) => b.method)).toEqual([
      'server/discover',
      'tools/list',
    ]);
    for (const b of bodies)
      expect(b.params).toMatchObject({
        _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
      });
    for (const h of headers) expect(h.get('mcp-session-id')).toBeNull();
    expect(client.state.statelessTransport).toBe(true);
  });
});

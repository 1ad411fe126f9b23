/**
 * The client parts the conformance suite pushed on: root PRM identifiers,
 * token endpoint authentication, registration's auth method, event-stream
 * answers, and the challenge a later 401 leaves behind. The client runs with
 * a bare host (no simulator world) and a hand-written server.
 */
import { describe, expect, it } from 'vitest';
import {
  createClient,
  type ClientHost,
  type ClientOptions,
} from '../../../src/simulator/actors/client';
import {
  registrationAuthMethod,
  secretAuthMethod,
} from '../../../src/simulator/actors/client/registration';
import { newStepContext } from '../../../src/simulator/engine/host';
import type { AuthorizationServer } from 'oauth4webapi';

const MCP = 'https://mcp.example.com/mcp';
const AS = 'https://auth.example.com';

const host: ClientHost = {
  ctx: newStepContext('test'),
  ids: { token: (label) => `${label}-value-that-is-long-enough-for-pkce-0123` },
};

const options: ClientOptions = {
  revision: '2025-11-25',
  mcpUrl: MCP,
  redirectUri: 'http://127.0.0.1:33418/callback',
  clientName: 't',
  cimdUrl: '',
  supportsCimd: false,
  preRegisteredClientId: null,
  pkceFault: 'none',
  maxStepUp: 2,
};

const json = (body: unknown, status = 200, headers: HeadersInit = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const asMeta = (extra: Record<string, unknown> = {}) => ({
  issuer: AS,
  authorization_endpoint: `${AS}/authorize`,
  token_endpoint: `${AS}/token`,
  code_challenge_methods_supported: ['S256'],
  ...extra,
});

/** A client whose requests go to `routes` (by `METHOD url`), recording them. */
function clientWith(
  routes: Record<string, (req: Request) => Response | Promise<Response>>,
  opts: Partial<ClientOptions> = {},
) {
  const sent: Request[] = [];
  const client = createClient(host, { ...options, ...opts }, async (req) => {
    sent.push(req.clone());
    const route = routes[`${req.method} ${req.url.split('?')[0] ?? ''}`];
    return route ? route(req) : json({ error: 'not_found' }, 404);
  });
  return { client, sent };
}

describe('protected resource metadata identifiers (RFC 9728 §3.3)', () => {
  const rootPrm = `GET https://mcp.example.com/.well-known/oauth-protected-resource`;

  it('accepts the origin from the root well-known URL, and the MCP URL', async () => {
    for (const resource of ['https://mcp.example.com', MCP]) {
      const { client } = clientWith({
        [rootPrm]: () => json({ resource, authorization_servers: [AS] }),
      });
      await client.fetchResourceMetadata();
      expect(client.state.prm?.resource).toBe(resource);
    }
  });

  it('refuses another resource, and the origin when the challenge named the URL', async () => {
    const other = clientWith({
      [rootPrm]: () =>
        json({
          resource: 'https://evil.example/mcp',
          authorization_servers: [AS],
        }),
    });
    await expect(other.client.fetchResourceMetadata()).rejects.toMatchObject({
      code: 'prm_resource_mismatch',
    });
    const fromHeader = clientWith({
      'GET https://mcp.example.com/prm': () =>
        json({
          resource: 'https://mcp.example.com',
          authorization_servers: [AS],
        }),
    });
    fromHeader.client.state.challenge = {
      scheme: 'bearer',
      params: { resource_metadata: 'https://mcp.example.com/prm' },
    };
    await expect(
      fromHeader.client.fetchResourceMetadata(),
    ).rejects.toMatchObject({ code: 'prm_resource_mismatch' });
  });
});

describe('token endpoint authentication', () => {
  const meta = (methods?: string[]) =>
    ({
      ...asMeta(),
      ...(methods ? { token_endpoint_auth_methods_supported: methods } : {}),
    }) as AuthorizationServer;

  it('registers as a public client when allowed, else with a secret method', () => {
    expect(registrationAuthMethod(meta())).toBe('none');
    expect(registrationAuthMethod(meta(['none', 'client_secret_basic']))).toBe(
      'none',
    );
    expect(registrationAuthMethod(meta(['client_secret_post']))).toBe(
      'client_secret_post',
    );
    expect(secretAuthMethod(meta(), undefined)).toBe('client_secret_basic');
    expect(secretAuthMethod(meta(['client_secret_post']), null)).toBe(
      'client_secret_post',
    );
    expect(secretAuthMethod(meta(), 'client_secret_post')).toBe(
      'client_secret_post',
    );
  });

  async function tokenRequest(
    metaExtra: Record<string, unknown>,
    opts: Partial<ClientOptions>,
    registration?: Record<string, unknown>,
  ): Promise<Request> {
    const { client, sent } = clientWith(
      {
        [`GET ${AS}/.well-known/oauth-authorization-server`]: () =>
          json(asMeta(metaExtra)),
        [`POST ${AS}/register`]: () => json(registration ?? {}, 201),
        [`POST ${AS}/token`]: () =>
          json({ access_token: 'at', token_type: 'Bearer' }),
      },
      opts,
    );
    client.state.prm = { resource: MCP, authorization_servers: [AS] };
    await client.fetchAuthorizationServerMetadata();
    await client.register();
    Object.assign(client.state, { verifier: 'v', code: 'c' });
    await client.exchangeCode();
    const req = sent.find((r) => r.url === `${AS}/token`);
    if (!req) throw new Error('no token request');
    return req;
  }

  it('sends a pre-registered secret with HTTP Basic, without over-encoding the id', async () => {
    const req = await tokenRequest(
      { token_endpoint_auth_methods_supported: ['client_secret_basic'] },
      {
        preRegisteredClientId: 'pre-registered-client',
        preRegisteredClientSecret: 'pre-registered-secret',
      },
    );
    expect(req.headers.get('authorization')).toBe(
      `Basic ${btoa('pre-registered-client:pre-registered-secret')}`,
    );
    expect(new URLSearchParams(await req.text()).get('client_secret')).toBe(
      null,
    );
  });

  it('sends a registered secret in the body for client_secret_post', async () => {
    const req = await tokenRequest(
      {
        registration_endpoint: `${AS}/register`,
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      },
      {},
      {
        client_id: 'c1',
        client_secret: 's1',
        token_endpoint_auth_method: 'client_secret_post',
      },
    );
    expect(req.headers.get('authorization')).toBe(null);
    const form = new URLSearchParams(await req.text());
    expect([form.get('client_id'), form.get('client_secret')]).toEqual([
      'c1',
      's1',
    ]);
    expect(form.get('resource')).toBe(MCP);
  });
});

describe('MCP answers', () => {
  it('reads a JSON-RPC answer from an event stream and keeps the agreed version', async () => {
    const { client, sent } = clientWith({
      [`POST ${MCP}`]: () =>
        new Response(
          'event: message\ndata: {"jsonrpc":"2.0","method":"notifications/progress"}\n\n' +
            'event: message\ndata: {"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"2025-06-18"}}\n\n',
          { headers: { 'content-type': 'text/event-stream' } },
        ),
    });
    const r = await client.rpc('initialize', {});
    expect(r.result).toEqual({ protocolVersion: '2025-06-18' });
    await client.rpc('tools/list');
    expect(sent[1]?.headers.get('mcp-protocol-version')).toBe('2025-06-18');
  });

  it('keeps the challenge of a later 401 for the next authorization', async () => {
    const { client } = clientWith({
      [`POST ${MCP}`]: () =>
        json({}, 401, {
          'www-authenticate':
            'Bearer scope="files:read", resource_metadata="https://mcp.example.com/prm"',
        }),
    });
    await expect(client.rpc('tools/list')).rejects.toMatchObject({
      code: 'mcp_unauthorized',
      status: 401,
    });
    expect(client.state.challenge?.params).toMatchObject({
      scope: 'files:read',
      resource_metadata: 'https://mcp.example.com/prm',
    });
  });
});

/**
 * Control endpoints: the simulated clock expires tokens, and a key rotation
 * is seen by ToolHive only after its scheduled JWKS refresh. No real-time
 * sleeps: time moves through POST /__control/clock.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMockServer,
  type MockServer,
} from '../../../src/mock-server/server';
import { challengeError, control, mcpCall, sdkLogin } from './helpers';

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(),
  ) as Record<string, unknown>;
}
function kidOf(token: string): string {
  return (
    JSON.parse(
      Buffer.from(token.split('.')[0] ?? '', 'base64url').toString(),
    ) as { kid: string }
  ).kid;
}

describe('control endpoints', () => {
  let server: MockServer;
  const lines: string[] = [];
  beforeEach(async () => {
    lines.length = 0;
    server = await createMockServer({
      port: 0,
      scenario: 'happy-path',
      log: (l) => lines.push(l),
    });
  });
  afterEach(() => server.close());

  it('POST /__control/clock {"advance": 7200} expires the happy-path token', async () => {
    const { accessToken } = await sdkLogin(server.mcpUrl);
    expect(
      (await mcpCall(server.mcpUrl, accessToken, 'tools/list')).status,
    ).toBe(200);

    const clock = await control(server.url, 'clock', { advance: 7200 });
    expect(clock.status).toBe(200);
    expect(clock.json.now).toBe('2026-01-15T11:00:00.000Z');
    expect(clock.json.epochSeconds).toBeGreaterThan(
      claimsOf(accessToken).exp as number,
    );

    const res = await mcpCall(server.mcpUrl, accessToken, 'tools/list');
    expect(res.status).toBe(401);
    expect(challengeError(res)).toBe('invalid_token');
    expect(res.headers.get('www-authenticate')).toContain('token is expired');
    expect(lines.at(-1)).toBe('POST /mcp 401 check=exp');
  });

  it('rotate-keys: the new key is rejected until the JWKS refresh, then accepted', async () => {
    const { provider, accessToken } = await sdkLogin(server.mcpUrl);
    expect(
      (await mcpCall(server.mcpUrl, accessToken, 'tools/list')).status,
    ).toBe(200);
    expect((await control(server.url, 'state')).json.jwksFetches).toBe(1);

    const rotated = await control(server.url, 'rotate-keys', { keepOld: true });
    expect(rotated.status).toBe(200);
    expect(rotated.json.signingKid).toBe('demo-as-rs256-2026-02');
    expect(rotated.json.publishedKids).toContain('demo-as-rs256-2026-01');

    // A new token (refresh grant through the SDK) is signed with the new key.
    const { auth } = await import('@modelcontextprotocol/sdk/client/auth.js');
    expect(await auth(provider, { serverUrl: server.mcpUrl })).toBe(
      'AUTHORIZED',
    );
    const fresh = provider.tokens()?.access_token ?? '';
    expect(kidOf(fresh)).toBe('demo-as-rs256-2026-02');

    const rejected = await mcpCall(server.mcpUrl, fresh, 'tools/list');
    expect(rejected.status).toBe(401);
    expect(challengeError(rejected)).toBe('invalid_token');
    expect(rejected.headers.get('www-authenticate')).toContain(
      'key ID demo-as-rs256-2026-02 not found',
    );
    expect(lines.at(-1)).toBe('POST /mcp 401 check=jwks-key');
    // The old token still works: the old key is still published and cached.
    expect(
      (await mcpCall(server.mcpUrl, accessToken, 'tools/list')).status,
    ).toBe(200);

    // Not yet: 899 s after the first fetch the cache is still current.
    await control(server.url, 'clock', { advance: 899 });
    expect((await mcpCall(server.mcpUrl, fresh, 'tools/list')).status).toBe(
      401,
    );

    const tick = await control(server.url, 'clock', { advance: 1 });
    const events = tick.json.events as Array<{ kind: string }>;
    expect(events.some((e) => e.kind === 'jwks-refresh')).toBe(true);
    expect((await control(server.url, 'state')).json.jwksFetches).toBe(2);
    expect((await mcpCall(server.mcpUrl, fresh, 'tools/list')).status).toBe(
      200,
    );
  });

  it('rotate-keys with keepOld false unpublishes the old key after the refresh', async () => {
    const { accessToken } = await sdkLogin(server.mcpUrl);
    expect(
      (await mcpCall(server.mcpUrl, accessToken, 'tools/list')).status,
    ).toBe(200);
    const rotated = await control(server.url, 'rotate-keys', {
      keepOld: false,
    });
    expect(rotated.json.publishedKids).not.toContain('demo-as-rs256-2026-01');
    const jwks = (await (await fetch(`${server.url}/jwks`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    expect(jwks.keys.map((k) => k.kid)).not.toContain('demo-as-rs256-2026-01');
    expect(jwks.keys.map((k) => k.kid)).toContain('demo-as-rs256-2026-02');
    // Still cached by ToolHive until the refresh.
    expect(
      (await mcpCall(server.mcpUrl, accessToken, 'tools/list')).status,
    ).toBe(200);
    await control(server.url, 'clock', { advance: 900 });
    const res = await mcpCall(server.mcpUrl, accessToken, 'tools/list');
    expect(res.status).toBe(401);
    expect(lines.at(-1)).toBe('POST /mcp 401 check=jwks-key');
  });

  it('POST /__control/reset starts the scenario over', async () => {
    const { accessToken } = await sdkLogin(server.mcpUrl);
    await control(server.url, 'clock', { advance: 60 });
    const reset = await control(server.url, 'reset');
    expect(reset.status).toBe(200);
    expect(reset.json.now).toBe('2026-01-15T09:00:00.000Z');
    expect((await control(server.url, 'log')).json.exchanges).toEqual([]);
    // Same keys, same issuer: the old token still validates against the fresh world.
    expect(
      (await mcpCall(server.mcpUrl, accessToken, 'tools/list')).status,
    ).toBe(200);
    expect((await control(server.url, 'state')).json.jwksFetches).toBe(1);
  });

  it('rejects bad control input', async () => {
    expect((await control(server.url, 'clock', { advance: -5 })).status).toBe(
      400,
    );
    expect(
      (await control(server.url, 'clock', { advance: 'soon' })).status,
    ).toBe(400);
    expect(
      (await control(server.url, 'rotate-keys', { keepOld: 'yes' })).status,
    ).toBe(400);
    expect((await control(server.url, 'nope')).status).toBe(404);
    const wrongMethod = await fetch(`${server.url}/__control/clock`);
    expect(wrongMethod.status).toBe(405);
    const notJson = await fetch(`${server.url}/__control/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"advance":',
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toBe(
      'invalid_request',
    );
    const wrongType = await fetch(`${server.url}/__control/clock`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'advance=5',
    });
    expect(wrongType.status).toBe(415);
  });
});

/* eslint-disable @typescript-eslint/no-non-null-assertion -- a wrong guess fails the test right there, which is what a test wants. */
import { describe, expect, it } from 'vitest';
import {
  createToolHive,
  resourceMetadataUrl,
} from '../../../src/simulator/actors/toolhive';
import { refreshIntervalSeconds } from '../../../src/simulator/actors/toolhive/jwks-cache';
import { get, makeWorld, mint, rpcInit } from './world-helpers';

describe('ToolHive protected resource metadata', () => {
  it('serves the same document on the exact path and on any suffix, without jwks_uri', async () => {
    const w = makeWorld();
    const bodies = await Promise.all(
      ['', '/mcp', '/anything/else'].map(async (suffix) =>
        (
          await get(
            w,
            `https://mcp.example.com/.well-known/oauth-protected-resource${suffix}`,
          )
        ).text(),
      ),
    );
    expect(new Set(bodies).size).toBe(1);
    expect(JSON.parse(bodies[0]!)).toEqual({
      resource: 'https://mcp.example.com/mcp',
      authorization_servers: ['https://auth.example.com'],
      bearer_methods_supported: ['header'],
      scopes_supported: ['mcp:tools'],
    });
    expect(Object.keys(JSON.parse(bodies[0]!))).toEqual([
      'resource',
      'authorization_servers',
      'bearer_methods_supported',
      'scopes_supported',
    ]);
  });

  it('sends the CORS headers and answers OPTIONS with 204', async () => {
    const w = makeWorld();
    const res = await get(
      w,
      'https://mcp.example.com/.well-known/oauth-protected-resource',
      { headers: { origin: 'https://inspector.example' } },
    );
    expect(res.headers.get('access-control-allow-origin')).toBe(
      'https://inspector.example',
    );
    expect(res.headers.get('access-control-allow-methods')).toBe(
      'GET, OPTIONS',
    );
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'mcp-protocol-version, Content-Type, Authorization',
    );
    expect(res.headers.get('access-control-max-age')).toBe('86400');
    const noOrigin = await get(
      w,
      'https://mcp.example.com/.well-known/oauth-protected-resource',
    );
    expect(noOrigin.headers.get('access-control-allow-origin')).toBe('*');
    const pre = await get(
      w,
      'https://mcp.example.com/.well-known/oauth-protected-resource',
      { method: 'OPTIONS' },
    );
    expect(pre.status).toBe(204);
  });

  it('advertises ["openid"] when no scopes are configured', async () => {
    const w = makeWorld('happy-path', (c) => (c.toolhive.scopes = []));
    const doc = (await (
      await get(
        w,
        'https://mcp.example.com/.well-known/oauth-protected-resource',
      )
    ).json()) as { scopes_supported: string[] };
    expect(doc.scopes_supported).toEqual(['openid']);
  });

  it('answers other well-known paths with 404 {"error":"not_found"}', async () => {
    const w = makeWorld();
    const res = await get(
      w,
      'https://mcp.example.com/.well-known/security.txt',
    );
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('{"error":"not_found"}');
  });

  it('returns a bare 404 for PRM when no resource URL is set', async () => {
    const w = makeWorld();
    const th = createToolHive(w, { ...w.toolhive.options, resourceUrl: '' });
    const res = await th.handle(
      new Request(
        'https://mcp.example.com/.well-known/oauth-protected-resource',
      ),
      w.ctx,
    );
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toBe('application/json');
  });

  it('builds resource_metadata from the resource path, dropping "/" and keeping a trailing slash', () => {
    expect(resourceMetadataUrl('https://h.example/mcp')).toBe(
      'https://h.example/.well-known/oauth-protected-resource/mcp',
    );
    expect(resourceMetadataUrl('https://h.example/')).toBe(
      'https://h.example/.well-known/oauth-protected-resource',
    );
    expect(resourceMetadataUrl('http://h/mcp/')).toBe(
      'http://h/.well-known/oauth-protected-resource/mcp/',
    );
    expect(resourceMetadataUrl('http://h:8080/a/b')).toBe(
      'http://h:8080/.well-known/oauth-protected-resource/a/b',
    );
  });
});

describe('ToolHive 401 challenge', () => {
  it('answers a missing header with invalid_request and the parameters in order', async () => {
    const w = makeWorld();
    const res = await get(w, w.urls.mcp, rpcInit(null));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="https://auth.example.com", resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", scope="mcp:tools", error="invalid_request", error_description="authorization header required"',
    );
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({
      error: 'invalid_request',
      error_description: 'authorization header required',
    });
    expect(w.ctx.deviations).toContain('invalid-request-without-credentials');
  });

  it('rejects a non-Bearer or lower-case scheme as a malformed header', async () => {
    const w = makeWorld();
    for (const header of ['Basic abc', 'bearer abc', 'Token x']) {
      const res = await get(w, w.urls.mcp, {
        method: 'POST',
        headers: { authorization: header },
        body: '{}',
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain(
        `error="invalid_request", error_description="invalid authorization header format, expected 'Bearer <token>'"`,
      );
    }
    // Fetch (like Go's net/http) trims header values, so "Bearer " arrives as "Bearer".
    const empty = await get(w, w.urls.mcp, {
      method: 'POST',
      headers: { authorization: 'Bearer ' },
      body: '{}',
    });
    expect(empty.headers.get('www-authenticate')).toContain(
      `error_description="invalid authorization header format, expected 'Bearer <token>'"`,
    );
  });

  it('puts the raw error in the header and "Invalid token: <err>" in the body', async () => {
    const w = makeWorld();
    const token = await mint(w);
    const res = await get(w, w.urls.mcp, rpcInit(token.slice(0, -4) + 'AAAA'));
    expect(res.status).toBe(401);
    const header = res.headers.get('www-authenticate')!;
    expect(header).toContain(
      'error="invalid_token", error_description="failed to parse token: token signature is invalid: crypto/rsa: verification error"',
    );
    expect(await res.json()).toEqual({
      error: 'invalid_token',
      error_description:
        'Invalid token: failed to parse token: token signature is invalid: crypto/rsa: verification error',
    });
  });

  it('leaves out realm without an issuer and scope without configured scopes', async () => {
    const w = makeWorld();
    const th = createToolHive(w, {
      ...w.toolhive.options,
      scopes: [],
      validator: { ...w.toolhive.options.validator, issuer: '' },
    });
    const res = await th.handle(new Request(w.urls.mcp, rpcInit(null)), w.ctx);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer resource_metadata="https://mcp.example.com/.well-known/oauth-protected-resource/mcp", error="invalid_request", error_description="authorization header required"',
    );
  });

  it('escapes quotes and backslashes in parameter values', () => {
    const w = makeWorld();
    const th = createToolHive(w, { ...w.toolhive.options, scopes: [] });
    expect(th.challenge('invalid_token', 'a "quoted" \\ value')).toContain(
      'error_description="a \\"quoted\\" \\\\ value"',
    );
  });

  it('answers a token without sub with "Invalid authentication claims"', async () => {
    const w = makeWorld('missing-sub');
    const res = await get(w, w.urls.mcp, rpcInit(await mint(w)));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: 'invalid_token',
      error_description: 'Invalid authentication claims',
    });
  });
});

describe('ToolHive validation order', () => {
  it('reports invalid issuer before invalid audience', async () => {
    const w = makeWorld(
      'happy-path',
      (c) => (c.authServer.issuerClaimOverride = 'https://elsewhere.example'),
    );
    const token = await mint(w, {}, 'https://other-mcp.example.com/mcp');
    const res = await get(w, w.urls.mcp, rpcInit(token));
    expect(res.headers.get('www-authenticate')).toContain(
      'error_description="invalid issuer"',
    );
  });

  it('does not check aud when no audience is configured', async () => {
    const w = makeWorld('happy-path', (c) => (c.toolhive.audience = null));
    const res = await get(
      w,
      w.urls.mcp,
      rpcInit(await mint(w, {}, 'https://somewhere-else.example')),
    );
    expect(res.status).toBe(200);
    expect(w.ctx.checks.find((c) => c.id === 'aud')?.status).toBe('skip');
    expect(w.ctx.deviations).toContain('audience-optional-on-cli');
  });

  it('never introspects an expired, badly signed or wrongly signed JWT, even with introspection configured', async () => {
    const w = makeWorld('opaque-introspection');
    const jwt = await w.as.mintAccessToken({
      sub: 'alice',
      aud: w.urls.mcp,
      clientId: 'c',
      scope: 's',
      format: 'jwt',
    });
    w.clock.advance(3600);
    const expired = await get(w, w.urls.mcp, rpcInit(jwt));
    expect(expired.headers.get('www-authenticate')).toContain(
      'token has invalid claims: token is expired',
    );
    const tampered = await get(
      w,
      w.urls.mcp,
      rpcInit(jwt.slice(0, -6) + 'AAAAAA'),
    );
    expect(tampered.status).toBe(401);
    expect(
      w.recorder.all().filter((x) => x.request.url.endsWith('/introspect')),
    ).toHaveLength(0);
  });

  it('introspects a malformed token with token and token_type_hint and Basic client auth', async () => {
    const w = makeWorld('opaque-introspection');
    const opaque = await w.as.mintAccessToken({
      sub: 'alice',
      aud: w.urls.mcp,
      clientId: 'c',
      scope: 'mcp:tools',
    });
    const res = await get(w, w.urls.mcp, rpcInit(opaque));
    expect(res.status).toBe(200);
    const call = w.recorder
      .all()
      .find((x) => x.request.url.endsWith('/introspect'))!;
    expect(call.request.method).toBe('POST');
    expect(call.request.body).toBe(
      `token=${opaque}&token_type_hint=access_token`,
    );
    expect(
      call.request.headers.find(([n]) => n === 'authorization')?.[1],
    ).toMatch(/^Basic /);
  });

  it('rejects exp exactly at now (no leeway) and accepts one second before', async () => {
    const w = makeWorld();
    const token = await mint(w);
    w.clock.advance(3599);
    expect((await get(w, w.urls.mcp, rpcInit(token))).status).toBe(200);
    w.clock.advance(1);
    expect((await get(w, w.urls.mcp, rpcInit(token))).status).toBe(401);
  });

  it('rejects a token whose nbf is in the future', async () => {
    const w = makeWorld();
    const token = await mint(w, { nbf: w.clock.epochSeconds() + 60 });
    const res = await get(w, w.urls.mcp, rpcInit(token));
    expect(res.headers.get('www-authenticate')).toContain(
      'token is not valid yet',
    );
  });
});

describe('ToolHive JWKS cache on the simulated clock', () => {
  it('clamps the refresh interval to 15 minutes..30 days, default 15 minutes', () => {
    expect(refreshIntervalSeconds(null)).toBe(900);
    expect(refreshIntervalSeconds('public, max-age=60')).toBe(900);
    expect(refreshIntervalSeconds('max-age=3600')).toBe(3600);
    expect(refreshIntervalSeconds('max-age=999999999')).toBe(30 * 24 * 3600);
  });

  it('fetches the JWKS once across 1,000 validations', async () => {
    const w = makeWorld();
    const token = await mint(w);
    for (let i = 0; i < 1000; i++) {
      const r = await w.toolhive.validator.validate(token);
      expect(r.ok).toBe(true);
    }
    expect(w.toolhive.validator.cache.fetchCount).toBe(1);
    expect(
      w.recorder
        .all()
        .filter((x) => x.request.url === 'https://auth.example.com/jwks'),
    ).toHaveLength(1);
  });

  it('does not refetch on an unknown kid, and picks up the key at the scheduled refresh', async () => {
    const w = makeWorld();
    await w.toolhive.validator.validate(await mint(w));
    w.as.rotateSigningKey('asRotated');
    const rotated = await mint(w);
    for (let i = 0; i < 5; i++)
      expect(
        (await w.toolhive.validator.validate(rotated)).failure?.check,
      ).toBe('jwks-key');
    expect(w.toolhive.validator.cache.fetchCount).toBe(1);
    w.clock.advance(899);
    expect((await w.toolhive.validator.validate(rotated)).ok).toBe(false);
    w.clock.advance(1);
    expect((await w.toolhive.validator.validate(rotated)).ok).toBe(true);
    expect(w.toolhive.validator.cache.fetchCount).toBe(2);
  });

  it('follows a longer Cache-Control max-age from the AS', async () => {
    const w = makeWorld('happy-path', (c) => (c.authServer.jwksMaxAge = 7200));
    await w.toolhive.validator.validate(await mint(w));
    w.as.rotateSigningKey('asRotated');
    const rotated = await w.as.mintAccessToken({
      sub: 'alice',
      aud: w.urls.mcp,
      clientId: 'c',
      scope: 'mcp:tools',
      ttl: 86400,
    });
    w.clock.advance(3600);
    expect((await w.toolhive.validator.validate(rotated)).ok).toBe(false);
    w.clock.advance(3600);
    expect((await w.toolhive.validator.validate(rotated)).ok).toBe(true);
  });

  it('uses the embedded AS keys in-process without fetching the JWKS', async () => {
    const w = makeWorld('upstream-swap');
    const r = await w.toolhive.validator.validate(await mint(w));
    expect(r.ok).toBe(true);
    expect(w.toolhive.validator.cache.fetchCount).toBe(0);
  });
});

describe('ToolHive authorization (Cedar)', () => {
  it('always allows initialize, denies unknown methods with a JSON-RPC 403 and no challenge', async () => {
    const w = makeWorld();
    const token = await mint(w);
    expect(
      (await get(w, w.urls.mcp, rpcInit(token, 'initialize'))).status,
    ).toBe(200);
    const denied = await get(
      w,
      w.urls.mcp,
      rpcInit(token, 'sampling/createMessage'),
    );
    expect(denied.status).toBe(403);
    expect(denied.headers.get('www-authenticate')).toBeNull();
    expect(await denied.json()).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: 403, message: 'Unauthorized' },
    });
  });

  it('filters tools/list per tool and denies a call with no matching permit', async () => {
    const w = makeWorld();
    const token = await mint(w);
    const list = (await (
      await get(w, w.urls.mcp, rpcInit(token, 'tools/list'))
    ).json()) as { result: { tools: Array<{ name: string }> } };
    expect(list.result.tools.map((t) => t.name)).toEqual([
      'echo',
      'get_weather',
    ]);
    const call = await get(
      w,
      w.urls.mcp,
      rpcInit(token, 'tools/call', { name: 'delete_records', arguments: {} }),
    );
    expect(call.status).toBe(403);
    const admin = await mint(w, { roles: ['admin'] });
    expect(
      (
        await get(
          w,
          w.urls.mcp,
          rpcInit(admin, 'tools/call', {
            name: 'delete_records',
            arguments: {},
          }),
        )
      ).status,
    ).toBe(200);
  });

  it('exposes arguments as arg_* and claims as claim_* to policies', async () => {
    const policy =
      'permit (principal, action == Action::"call_tool", resource == Tool::"echo") when { resource.arg_text == "hi" && context.claim_scope == "mcp:tools" };';
    const w = makeWorld();
    const th = createToolHive(w, { ...w.toolhive.options, policy });
    const token = await mint(w);
    expect(
      (
        await th.handle(
          new Request(
            w.urls.mcp,
            rpcInit(token, 'tools/call', {
              name: 'echo',
              arguments: { text: 'hi' },
            }),
          ),
          w.ctx,
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await th.handle(
          new Request(
            w.urls.mcp,
            rpcInit(token, 'tools/call', {
              name: 'echo',
              arguments: { text: 'no' },
            }),
          ),
          w.ctx,
        )
      ).status,
    ).toBe(403);
  });

  it('gives object and array arguments to Cedar only as arg_<name>_present', async () => {
    // ToolHive's preprocessArguments keeps strings, booleans and numbers;
    // anything else is reduced to a presence flag.
    const policy =
      'permit (principal, action == Action::"call_tool", resource == Tool::"echo") when { resource.arg_opts_present && !(resource has arg_opts) && resource.arg_n == 3 };';
    const w = makeWorld();
    const th = createToolHive(w, { ...w.toolhive.options, policy });
    const token = await mint(w);
    const call = (args: Record<string, unknown>) =>
      th.handle(
        new Request(
          w.urls.mcp,
          rpcInit(token, 'tools/call', { name: 'echo', arguments: args }),
        ),
        w.ctx,
      );
    expect((await call({ opts: { deep: true }, n: 3 })).status).toBe(200);
    expect((await call({ opts: ['a'], n: 3 })).status).toBe(200);
    expect((await call({ opts: 'flat', n: 3 })).status).toBe(403);
  });

  it("surfaces Cedar's own message for a policy syntax error", async () => {
    const w = makeWorld();
    const th = createToolHive(w, {
      ...w.toolhive.options,
      policy: 'permit (principal, action, resource',
    });
    const res = await th.handle(
      new Request(
        w.urls.mcp,
        rpcInit(await mint(w), 'tools/call', { name: 'echo', arguments: {} }),
      ),
      w.ctx,
    );
    expect(res.status).toBe(403);
    expect(w.ctx.checks.find((c) => c.id === 'cedar')?.detail).toContain(
      'unexpected end of input',
    );
  });
});

describe('ToolHive backend authentication', () => {
  async function seen(scenario: string): Promise<string | undefined> {
    const w = makeWorld(scenario);
    const token = await mint(w);
    await get(
      w,
      w.urls.mcp,
      rpcInit(token, 'tools/call', { name: 'echo', arguments: {} }),
    );
    return w.backend.received
      .at(-1)
      ?.headers.find(([n]) => n === 'authorization')?.[1];
  }

  it("passthrough forwards the client's token unchanged", async () => {
    const w = makeWorld('passthrough');
    const token = await mint(w);
    await get(
      w,
      w.urls.mcp,
      rpcInit(token, 'tools/call', { name: 'echo', arguments: {} }),
    );
    expect(
      w.backend.received
        .at(-1)
        ?.headers.find(([n]) => n === 'authorization')?.[1],
    ).toBe(`Bearer ${token}`);
    expect(w.ctx.deviations).toContain('passthrough-by-default');
  });

  it('token exchange replaces the header with a token for the backend audience', async () => {
    const header = await seen('token-exchange');
    const claims = JSON.parse(
      Buffer.from(header!.slice(7).split('.')[1]!, 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims.aud).toBe('https://backend.example.com/mcp');
    expect(claims.act).toEqual({ sub: 'toolhive-exchange' });
    expect(claims.sub).toBe('alice');
  });

  it('strip-auth removes the header', async () => {
    expect(await seen('strip-auth')).toBeUndefined();
  });

  it('upstream swap without an upstream token answers its own short challenge', async () => {
    const w = makeWorld('upstream-swap');
    const res = await get(w, w.urls.mcp, rpcInit(await mint(w)));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer error="invalid_token", error_description="upstream token is no longer valid; re-authentication required"',
    );
  });
});

describe('ToolHive with the embedded authorization server', () => {
  async function callAs(policy: string): Promise<number> {
    const w = makeWorld(
      'upstream-swap',
      (c) => (c.toolhive.authz = true),
      undefined,
      policy,
    );
    const c = w.client;
    await c.probe();
    await c.fetchResourceMetadata();
    await c.fetchAuthorizationServerMetadata();
    await c.register();
    await c.authorize();
    await c.exchangeCode();
    try {
      return (await c.rpc('tools/call', { name: 'echo', arguments: {} }))
        .status;
    } catch (e) {
      return (e as { status: number }).status;
    }
  }

  it('lets Cedar see the upstream IdP token claims, not the ToolHive token claims', async () => {
    expect(
      await callAs(
        'permit (principal, action, resource) when { principal has claim_email && principal.claim_email == "alice@example.com" };',
      ),
    ).toBe(200);
    expect(
      await callAs(
        'permit (principal == Client::"idp-user-8841", action, resource);',
      ),
    ).toBe(200);
    expect(
      await callAs(
        'permit (principal == Client::"alice", action, resource) when { principal has claim_tsid };',
      ),
    ).toBe(403);
  });
});

describe('ToolHive OIDC discovery', () => {
  it('discovers the JWKS URL on the first request only', async () => {
    const w = makeWorld();
    const token = await mint(w);
    const first = await w.toolhive.validator.validate(token);
    expect(first.verdicts[0]).toMatchObject({
      id: 'oidc-discovery',
      status: 'pass',
    });
    const second = await w.toolhive.validator.validate(token);
    expect(second.verdicts.some((v) => v.id === 'oidc-discovery')).toBe(false);
  });

  it('rejects every token, opaque ones included, while discovery fails', async () => {
    const w = makeWorld('opaque-introspection');
    const th = createToolHive(w, {
      ...w.toolhive.options,
      validator: {
        ...w.toolhive.options.validator,
        issuer: 'https://idp.example.com/missing',
      },
    });
    const opaque = await w.as.mintAccessToken({
      sub: 'alice',
      aud: w.urls.mcp,
      clientId: 'c',
      scope: 's',
    });
    const res = await th.handle(
      new Request(w.urls.mcp, rpcInit(opaque)),
      w.ctx,
    );
    expect(res.status).toBe(401);
    expect(w.ctx.checks.find((c) => c.status === 'fail')?.id).toBe(
      'oidc-discovery',
    );
  });
});

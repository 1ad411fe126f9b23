/* eslint-disable @typescript-eslint/no-non-null-assertion -- a wrong guess fails the test right there, which is what a test wants. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import { get, makeWorld } from './world-helpers';
import { decodeToken } from '../../../src/simulator/actors/jwt';
import { TOKEN_EXCHANGE_GRANT } from '../../../src/simulator/actors/authorization-server';
import type { World } from '../../../src/simulator/world/world';

const REDIRECT = 'http://127.0.0.1:33418/callback';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

function authorizeUrl(
  w: World,
  overrides: Record<string, string | null> = {},
): string {
  const u = new URL(w.as.endpoint('authorize')!);
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: 'demo-desktop-client',
    redirect_uri: REDIRECT,
    scope: 'mcp:tools',
    state: 'xyz',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    resource: w.urls.mcp,
    ...overrides,
  };
  for (const [k, v] of Object.entries(params))
    if (v !== null) u.searchParams.set(k, v);
  return u.toString();
}

async function codeFor(
  w: World,
  overrides: Record<string, string | null> = {},
): Promise<string> {
  const res = await get(w, authorizeUrl(w, overrides), { redirect: 'manual' });
  return new URL(res.headers.get('location')!).searchParams.get('code')!;
}

function tokenRequest(
  w: World,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return get(w, w.as.endpoint('token')!, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: new URLSearchParams(form).toString(),
  });
}

const codeForm = (code: string, extra: Record<string, string> = {}) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: REDIRECT,
  client_id: 'demo-desktop-client',
  code_verifier: VERIFIER,
  resource: 'https://mcp.example.com/mcp',
  ...extra,
});

describe('authorization server metadata', () => {
  it('serves RFC 8414 and OIDC discovery with S256, jwks_uri and token exchange', async () => {
    const w = makeWorld('cimd');
    const oauth = (await (
      await get(
        w,
        'https://auth.example.com/.well-known/oauth-authorization-server',
      )
    ).json()) as Record<string, unknown>;
    const oidc = (await (
      await get(w, 'https://auth.example.com/.well-known/openid-configuration')
    ).json()) as Record<string, unknown>;
    for (const m of [oauth, oidc]) {
      expect(m.issuer).toBe('https://auth.example.com');
      expect(m.code_challenge_methods_supported).toEqual(['S256']);
      expect(m.jwks_uri).toBe('https://auth.example.com/jwks');
      expect(m.grant_types_supported).toContain(TOKEN_EXCHANGE_GRANT);
      expect(m.client_id_metadata_document_supported).toBe(true);
    }
    expect(oidc.subject_types_supported).toEqual(['public']);
  });

  it('leaves out S256 when the no-s256 knob is set', async () => {
    const w = makeWorld('no-s256');
    const m = (await (
      await get(
        w,
        'https://auth.example.com/.well-known/oauth-authorization-server',
      )
    ).json()) as Record<string, unknown>;
    expect(m.code_challenge_methods_supported).toBeUndefined();
  });

  it('serves the JWKS with Cache-Control, an RSA and an EC key, and publishes a rotated key', async () => {
    const w = makeWorld();
    const res = await get(w, 'https://auth.example.com/jwks');
    expect(res.headers.get('cache-control')).toBe('public, max-age=900');
    const keys = (
      (await res.json()) as { keys: Array<{ kty: string; d?: string }> }
    ).keys;
    expect(keys.map((k) => k.kty)).toEqual(['RSA', 'EC']);
    expect(keys.every((k) => k.d === undefined)).toBe(true);
    w.as.rotateSigningKey('asRotated');
    expect(
      (
        (await (await get(w, 'https://auth.example.com/jwks')).json()) as {
          keys: unknown[];
        }
      ).keys,
    ).toHaveLength(3);
  });
});

describe('dynamic client registration', () => {
  it('registers a public client with 201', async () => {
    const w = makeWorld();
    const res = await get(w, w.as.endpoint('register')!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ redirect_uris: [REDIRECT], client_name: 'x' }),
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.client_id).toMatch(/^dcr_/);
    expect(body.token_endpoint_auth_method).toBe('none');
  });

  it('refuses non-https, non-loopback redirect URIs and bad bodies with RFC 7591 codes', async () => {
    const w = makeWorld();
    const post = (body: string) =>
      get(w, w.as.endpoint('register')!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    expect(
      (
        (await (
          await post(
            JSON.stringify({ redirect_uris: ['http://evil.example/cb'] }),
          )
        ).json()) as { error: string }
      ).error,
    ).toBe('invalid_redirect_uri');
    expect(
      ((await (await post('not json')).json()) as { error: string }).error,
    ).toBe('invalid_client_metadata');
    expect(
      (
        (await (
          await post(
            JSON.stringify({
              redirect_uris: [REDIRECT],
              grant_types: [TOKEN_EXCHANGE_GRANT],
            }),
          )
        ).json()) as { error: string }
      ).error,
    ).toBe('invalid_client_metadata');
  });
});

describe('authorization endpoint', () => {
  it('echoes state and accepts a loopback redirect URI on any port', async () => {
    const w = makeWorld();
    const res = await get(
      w,
      authorizeUrl(w, { redirect_uri: 'http://127.0.0.1:49152/callback' }),
      { redirect: 'manual' },
    );
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location')!);
    expect(loc.port).toBe('49152');
    expect(loc.searchParams.get('state')).toBe('xyz');
    expect(loc.searchParams.get('code')).toBeTruthy();
  });

  it('never redirects for an unknown client or an unregistered redirect URI', async () => {
    const w = makeWorld();
    const a = await get(w, authorizeUrl(w, { client_id: 'nobody' }));
    expect(a.status).toBe(400);
    expect(((await a.json()) as { error: string }).error).toBe(
      'invalid_client',
    );
    const b = await get(
      w,
      authorizeUrl(w, { redirect_uri: 'https://evil.example/cb' }),
    );
    expect(b.status).toBe(400);
    expect(b.headers.get('location')).toBeNull();
  });

  it('requires an S256 challenge', async () => {
    const w = makeWorld();
    const variants: Array<Record<string, string | null>> = [
      { code_challenge: null },
      { code_challenge_method: 'plain' },
      { code_challenge_method: null },
    ];
    for (const o of variants) {
      const res = await get(w, authorizeUrl(w, o));
      expect(
        new URL(res.headers.get('location')!).searchParams.get('error'),
      ).toBe('invalid_request');
    }
  });

  it('answers a resource it does not serve with invalid_target', async () => {
    const w = makeWorld();
    const res = await get(
      w,
      authorizeUrl(w, { resource: 'https://unknown.example/mcp' }),
    );
    expect(
      new URL(res.headers.get('location')!).searchParams.get('error'),
    ).toBe('invalid_target');
  });

  it('redirects with access_denied when consent is denied', async () => {
    const w = makeWorld('happy-path', (c) => (c.authServer.consent = 'deny'));
    const res = await get(w, authorizeUrl(w));
    const loc = new URL(res.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('xyz');
  });

  it('fetches and validates a client ID metadata document', async () => {
    const w = makeWorld('cimd');
    const res = await get(
      w,
      authorizeUrl(w, { client_id: w.urls.clientMetadata }),
    );
    expect(res.status).toBe(302);
    expect(
      w.recorder.all().some((x) => x.actor === 'client-metadata-host'),
    ).toBe(true);
    const dcrOnly = makeWorld();
    expect(
      (
        await get(
          dcrOnly,
          authorizeUrl(dcrOnly, { client_id: dcrOnly.urls.clientMetadata }),
        )
      ).status,
    ).toBe(400);
  });
});

describe('token endpoint', () => {
  it('issues an RFC 9068 JWT with no-store, using the RFC 7636 Appendix B verifier', async () => {
    expect(await calculatePKCECodeChallenge(VERIFIER)).toBe(CHALLENGE);
    const w = makeWorld();
    const res = await tokenRequest(w, codeForm(await codeFor(w)));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as {
      access_token: string;
      refresh_token: string;
      token_type: string;
    };
    expect(body.token_type).toBe('Bearer');
    const t = decodeToken(body.access_token, 'access-token');
    expect(t.header).toEqual({
      alg: 'RS256',
      kid: 'demo-as-rs256-2026-01',
      typ: 'at+jwt',
    });
    expect(Object.keys(t.claims!)).toEqual(
      expect.arrayContaining([
        'iss',
        'sub',
        'aud',
        'client_id',
        'scope',
        'iat',
        'exp',
        'jti',
      ]),
    );
    expect(t.claims!.aud).toBe('https://mcp.example.com/mcp');
  });

  it('redeems a code once and refuses reuse with invalid_grant', async () => {
    const w = makeWorld();
    const code = await codeFor(w);
    expect((await tokenRequest(w, codeForm(code))).status).toBe(200);
    const again = await tokenRequest(w, codeForm(code));
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe(
      'invalid_grant',
    );
  });

  it('refuses a wrong verifier, a different resource and an unknown grant', async () => {
    const w = makeWorld();
    const bad = await tokenRequest(
      w,
      codeForm(await codeFor(w), { code_verifier: 'x'.repeat(43) }),
    );
    expect(((await bad.json()) as { error: string }).error).toBe(
      'invalid_grant',
    );
    const res = await tokenRequest(
      w,
      codeForm(await codeFor(w), {
        resource: 'https://other-mcp.example.com/mcp',
      }),
    );
    expect(((await res.json()) as { error: string }).error).toBe(
      'invalid_target',
    );
    const grant = await tokenRequest(w, { grant_type: 'password' });
    expect(((await grant.json()) as { error: string }).error).toBe(
      'unsupported_grant_type',
    );
  });

  it('rotates refresh tokens', async () => {
    const w = makeWorld();
    const first = (await (
      await tokenRequest(w, codeForm(await codeFor(w)))
    ).json()) as { refresh_token: string };
    const form = {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      client_id: 'demo-desktop-client',
    };
    expect((await tokenRequest(w, form)).status).toBe(200);
    expect((await tokenRequest(w, form)).status).toBe(400);
  });

  it('performs RFC 8693 token exchange only for an authenticated confidential client', async () => {
    const w = makeWorld('token-exchange');
    const subject = (await (
      await tokenRequest(w, codeForm(await codeFor(w)))
    ).json()) as { access_token: string };
    const form = {
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: subject.access_token,
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      audience: 'https://backend.example.com/mcp',
    };
    expect((await tokenRequest(w, form)).status).toBe(401);
    const ok = await tokenRequest(w, form, {
      authorization: w.as.clientAuthHeader('toolhive-exchange')!,
    });
    const body = (await ok.json()) as {
      access_token: string;
      issued_token_type: string;
      expires_in: number;
    };
    expect(body.issued_token_type).toBe(
      'urn:ietf:params:oauth:token-type:access_token',
    );
    expect(body.expires_in).toBe(900);
    expect(decodeToken(body.access_token, 'exchanged-token').claims?.aud).toBe(
      'https://backend.example.com/mcp',
    );
    expect(
      (
        await tokenRequest(
          w,
          { ...form, audience: 'https://nowhere.example' },
          { authorization: w.as.clientAuthHeader('toolhive-exchange')! },
        )
      ).status,
    ).toBe(400);
  });

  it('never crashes on arbitrary form bodies', async () => {
    const w = makeWorld();
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom(
            'grant_type',
            'code',
            'code_verifier',
            'resource',
            'refresh_token',
            'subject_token',
            'client_id',
          ),
          fc.string(),
        ),
        async (form) => {
          const res = await tokenRequest(w, form);
          expect(res.status).toBeGreaterThanOrEqual(200);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('introspection', () => {
  it('requires client authentication and reports active and inactive tokens', async () => {
    const w = makeWorld('opaque-introspection');
    const token = await w.as.mintAccessToken({
      sub: 'alice',
      aud: w.urls.mcp,
      clientId: 'c',
      scope: 's',
    });
    const post = (t: string, auth?: string) =>
      get(w, w.as.endpoint('introspect')!, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(auth ? { authorization: auth } : {}),
        },
        body: `token=${t}`,
      });
    expect((await post(token)).status).toBe(401);
    const auth = w.as.clientAuthHeader('toolhive-rs')!;
    expect(
      ((await (await post(token, auth)).json()) as { active: boolean }).active,
    ).toBe(true);
    expect(await (await post('opaque_unknown', auth)).json()).toEqual({
      active: false,
    });
  });
});

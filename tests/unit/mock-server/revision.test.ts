/**
 * `--revision` (createMockServer's `revision`): the servers follow the chosen
 * MCP spec revision, here the authorization server's RFC 9207 `iss`, which
 * 2026-07-28 asks for and 2025-11-25 does not mention.
 */
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../../src/mock-server/server';
import { MockServerError } from '../../../src/mock-server/responses';
import type { SpecRevision } from '../../../src/simulator/engine/types';
import { FollowRedirectProvider, control, sdkLogin } from './helpers';

async function issFlag(origin: string): Promise<unknown> {
  const res = await fetch(`${origin}/.well-known/oauth-authorization-server`);
  const meta = (await res.json()) as Record<string, unknown>;
  return meta.authorization_response_iss_parameter_supported;
}

async function withServer(
  revision: SpecRevision | undefined,
  fn: (s: Awaited<ReturnType<typeof createMockServer>>) => Promise<void>,
) {
  const server = await createMockServer({
    port: 0,
    ...(revision ? { revision } : {}),
  });
  try {
    await fn(server);
  } finally {
    await server.close();
  }
}

describe('mock server revision', () => {
  it('follows 2025-11-25 by default: no iss in the redirect', async () => {
    await withServer(undefined, async (server) => {
      expect(server.revision).toBe('2025-11-25');
      expect(await issFlag(server.url)).toBeUndefined();
      const provider = new FollowRedirectProvider();
      await sdkLogin(server.mcpUrl, provider);
      expect(provider.code).not.toBeNull();
      expect(provider.redirectIss).toBeNull();
    });
  });

  it('under 2026-07-28 sends and advertises iss, and keeps it after a reset', async () => {
    await withServer('2026-07-28', async (server) => {
      expect(server.revision).toBe('2026-07-28');
      expect(await issFlag(server.url)).toBe(true);
      const provider = new FollowRedirectProvider();
      await sdkLogin(server.mcpUrl, provider);
      expect(provider.redirectIss).toBe(server.issuer);

      expect((await control(server.url, 'reset')).status).toBe(200);
      expect(await issFlag(server.url)).toBe(true);
    });
  });

  it('rejects a revision it does not know, before listening', async () => {
    const error = await createMockServer({
      port: 0,
      revision: 'latest' as SpecRevision,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockServerError);
    expect(error).toMatchObject({
      code: 'unknown_revision',
      message: 'unknown revision latest (known: 2025-11-25, 2026-07-28)',
    });
  });
});

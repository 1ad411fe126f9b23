/**
 * Other scenarios in live mode with the SDK: the ones a real client completes,
 * and the ones whose fault the servers produce on their own.
 */
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { createMockServer } from '../../../src/mock-server/server';
import { challengeError, mcpCall, sdkLogin } from './helpers';

async function withServer(
  scenario: string,
  fn: (
    s: Awaited<ReturnType<typeof createMockServer>>,
    lines: string[],
  ) => Promise<void>,
) {
  const lines: string[] = [];
  const server = await createMockServer({
    port: 0,
    scenario,
    log: (l) => lines.push(l),
  });
  try {
    await fn(server, lines);
  } finally {
    await server.close();
  }
}

describe('live scenarios with the SDK', () => {
  it.each([
    'pre-registered',
    'opaque-introspection',
    'token-exchange',
    'upstream-swap',
    'strip-auth',
  ])('%s: auth() + initialize + tools/list succeed', async (scenario) => {
    await withServer(scenario, async (server) => {
      const { provider } = await sdkLogin(server.mcpUrl);
      const client = new Client({ name: 'vitest', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(server.mcpUrl), {
          authProvider: provider,
        }),
      );
      const { tools } = await client.listTools();
      expect(tools.length).toBeGreaterThan(0);
      await client.close();
    });
  });

  it.each([
    ['wrong-issuer', 'iss'],
    ['missing-sub', 'sub'],
  ])(
    '%s: ToolHive answers 401 invalid_token (check %s)',
    async (scenario, check) => {
      await withServer(scenario, async (server, lines) => {
        const { accessToken } = await sdkLogin(server.mcpUrl);
        const res = await mcpCall(server.mcpUrl, accessToken, 'initialize');
        expect(res.status).toBe(401);
        expect(challengeError(res)).toBe('invalid_token');
        expect(lines.at(-1)).toBe(`POST /mcp 401 check=${check}`);
      });
    },
  );

  it.each([
    ['invalid-target', /invalid_target/],
    ['consent-denied', /access_denied/],
    ['state-mismatch', /state mismatch/],
  ])('%s: the login fails as the scenario says', async (scenario, error) => {
    await withServer(scenario, async (server) => {
      await expect(sdkLogin(server.mcpUrl)).rejects.toThrow(error);
    });
  });
});

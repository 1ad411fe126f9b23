/**
 * Requests in flight at the same time: each is answered in its own step
 * context, so a failed check of one never lands on another, and the
 * server-to-server calls one request makes are recorded under that request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createMockServer,
  type MockServer,
} from '../../../src/mock-server/server';
import { control, mcpCall, sdkLogin } from './helpers';

interface LoggedExchange {
  stepId: string;
  actor: string;
  request: { url: string; headers: Array<[string, string]> };
  response: { status: number };
}

describe('concurrent requests', () => {
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

  it('keeps each request in its own context while they interleave', async () => {
    const { accessToken } = await sdkLogin(server.mcpUrl);
    const before = (await control(server.url, 'log')).json
      .exchanges as LoggedExchange[];
    lines.length = 0;
    const kinds = ['valid', 'none', 'garbage', 'valid', 'none', 'garbage'];
    const tokens: Record<string, string | null> = {
      valid: accessToken,
      none: null,
      garbage: 'not-a-jwt',
    };
    const responses = await Promise.all(
      kinds.map((k) => mcpCall(server.mcpUrl, tokens[k] ?? null, 'tools/list')),
    );
    expect(responses.map((r) => r.status)).toEqual([
      200, 401, 401, 200, 401, 401,
    ]);
    // One log line per request, each with its own failed check (or none).
    const checks = lines
      .filter((l) => l.startsWith('POST /mcp '))
      .map((l) => /check=(\S+)/.exec(l)?.[1] ?? 'none')
      .sort();
    expect(checks).toEqual(
      [
        'auth-header',
        'auth-header',
        'introspection',
        'introspection',
        'none',
        'none',
      ].sort(),
    );
    const all = (await control(server.url, 'log')).json
      .exchanges as LoggedExchange[];
    const fresh = all.slice(before.length);
    const mcp = fresh.filter((x) => x.actor === 'toolhive');
    expect(mcp).toHaveLength(kinds.length);
    // Every client request has a step id of its own.
    expect(new Set(mcp.map((x) => x.stepId)).size).toBe(kinds.length);
    // Each backend call is recorded under the request that made it, and only
    // the two accepted requests reached the backend.
    const backend = fresh.filter((x) => x.actor === 'backend');
    const accepted = mcp
      .filter((x) => x.response.status === 200)
      .map((x) => x.stepId)
      .sort();
    expect(backend.map((x) => x.stepId).sort()).toEqual(accepted);
  });
});

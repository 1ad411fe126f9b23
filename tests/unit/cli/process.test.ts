/** `npm run client` as a process: help, bad usage, and a failure in one line. */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';

function client(...args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/client.ts', ...args],
    {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, MCP_CONFORMANCE_CONTEXT: '' },
    },
  );
}

describe('client process', () => {
  it('prints help and exits 0', () => {
    const r = client('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run client -- <mcp-server-url>');
  });

  it('exits 2 on bad usage and 1 on a failed flow, with one line on stderr', async () => {
    const usage = client('--nope');
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    // A port that was free a moment ago: nothing listens there now.
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const address = srv.address();
    await new Promise((r) => srv.close(r));
    const port = typeof address === 'object' && address ? address.port : 0;
    const failed = client(`http://127.0.0.1:${port}/mcp`);
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^client: probe_unauthenticated: fetch failed: connect ECONNREFUSED/,
      ),
    ]);
  });
});

/** The CLI: --help, first stdout lines, exit code 2 on bad input or a busy port. */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { createMockServer } from '../../../src/mock-server/server';
import { SCENARIOS } from '../../../src/simulator/scenarios/scenarios';

const CLI = ['--import', 'tsx', 'scripts/mock-server.ts'];

function run(args: string[]) {
  return spawnSync(process.execPath, [...CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('mock-server CLI', () => {
  it('--help lists every scenario on its own line', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const s of SCENARIOS)
      expect(r.stdout).toMatch(new RegExp(`^  ${s.id} +\\S`, 'm'));
  });

  it('an unknown revision is a one-line error with exit code 2', () => {
    const r = run(['--revision', '2024-01-01']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unknown revision 2024-01-01');
  });

  it('an unknown scenario is a one-line error with exit code 2', () => {
    const r = run(['--scenario', 'no-such-scenario']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unknown scenario no-such-scenario');
  });

  it('a port in use is a one-line error with exit code 2', async () => {
    const busy = await createMockServer({ port: 0 });
    try {
      const r = run(['--port', String(busy.port)]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain('already in use');
    } finally {
      await busy.close();
    }
  });

  it('prints the MCP URL first, then the issuer, the scenario and the revision, and logs requests to stderr', async () => {
    const child = spawn(
      process.execPath,
      [
        ...CLI,
        '--port',
        '0',
        '--scenario',
        'wrong-audience',
        '--revision',
        '2026-07-28',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const lines: string[] = [];
      const rl = createInterface({ input: child.stdout });
      await new Promise<void>((resolve, reject) => {
        rl.on('line', (l) => {
          lines.push(l);
          if (lines.length === 4) resolve();
        });
        child.once('exit', (code) =>
          reject(new Error(`exited with ${String(code)}`)),
        );
      });
      const first = /^MCP server: http:\/\/127\.0\.0\.1:(\d+)\/mcp$/.exec(
        lines[0] ?? '',
      );
      expect(first).not.toBeNull();
      const port = first?.[1] ?? '';
      expect(lines[1]).toBe(
        `Authorization server (issuer): http://127.0.0.1:${port}`,
      );
      expect(lines[2]).toMatch(/^Scenario: wrong-audience /);
      expect(lines[3]).toBe('MCP spec revision: 2026-07-28');
      const logged = new Promise<string>((resolve) => {
        const stderr = createInterface({ input: child.stderr });
        stderr.on('line', (line) => {
          if (line.includes('POST /mcp')) resolve(line);
        });
      });
      const res = await fetch(`http://127.0.0.1:${port}/mcp`, {
        method: 'POST',
        body: '{}',
      });
      expect(res.status).toBe(401);
      expect(await logged).toContain('POST /mcp 401 check=auth-header');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

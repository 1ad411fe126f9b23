/**
 * `npm run test:conformance`: runs the MCP conformance suite's client auth
 * scenarios (`conformance client --suite auth`, pinned 0.1.12) against the
 * command-line client, prints the suite's own summary, then judges each
 * scenario (src/cli/conformance.ts). Its servers bind to localhost only.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  judgeAll,
  type ScenarioRun,
  type SuiteCheck,
} from '../src/cli/conformance';

/** The client as the suite runs it; the suite appends the server URL. */
export const CLIENT_COMMAND = [
  'node --import tsx scripts/client.ts',
  // scope-step-up needs a tools/call to be refused with insufficient_scope.
  '--call test-tool',
  // basic-cimd expects this URL as the client_id.
  '--client-metadata-url https://conformance-test.local/client-metadata.json',
].join(' ');

function suiteEntry(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@modelcontextprotocol/conformance/package.json');
  return join(dirname(pkg), 'dist', 'index.js');
}

function runSuite(outDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        suiteEntry(),
        'client',
        '--command',
        CLIENT_COMMAND,
        '--suite',
        'auth',
        '--timeout',
        '90000',
        '--verbose',
        '-o',
        outDir,
      ],
      { stdio: ['ignore', 'inherit', 'pipe'] },
    );
    // The suite's stderr is a per-scenario trace; keep it for failures only.
    let trace = '';
    child.stderr.on('data', (d: Buffer) => (trace += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && process.env.CONFORMANCE_TRACE)
        process.stderr.write(trace);
      resolve(code ?? 1);
    });
  });
}

/** `auth/metadata-var2-2026-01-30T09-59-00-000Z` -> `auth/metadata-var2`. */
function scenarioOf(dirName: string): string {
  return `auth/${dirName.replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '')}`;
}

async function readRuns(outDir: string): Promise<ScenarioRun[]> {
  const base = join(outDir, 'auth');
  const runs: ScenarioRun[] = [];
  for (const dir of await readdir(base)) {
    const checks = JSON.parse(
      await readFile(join(base, dir, 'checks.json'), 'utf8'),
    ) as SuiteCheck[];
    const clientStderr = await readFile(join(base, dir, 'stderr.txt'), 'utf8');
    runs.push({ scenario: scenarioOf(dir), checks, clientStderr });
  }
  return runs;
}

async function main(): Promise<number> {
  const outDir = await mkdtemp(join(tmpdir(), 'mcp-conformance-'));
  try {
    await runSuite(outDir);
    const { verdicts, ok } = judgeAll(await readRuns(outDir));
    process.stdout.write('\nVerdict (src/cli/conformance.ts):\n');
    for (const v of verdicts)
      process.stdout.write(
        `  ${v.status.padEnd(12)} ${v.scenario}: ${v.detail}\n`,
      );
    const count = (s: string) => verdicts.filter((v) => v.status === s).length;
    process.stdout.write(
      `\nconformance: ${count('pass')} of ${verdicts.length} scenarios passed, ${count('suite-defect')} refused for the suite's issuer defect, ${count('fail')} failed\n`,
    );
    return ok ? 0 : 1;
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

void main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`conformance: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);

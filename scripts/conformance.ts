/**
 * `npm run test:conformance`: runs the official MCP conformance suite's client
 * scenarios against the command-line client (`scripts/client.ts`): the
 * `auth` suite (every 2025-11-25 authorization scenario) and the `draft` suite
 * (resource-mismatch, offline access). The suite starts its own MCP server and
 * authorization server on localhost for each scenario.
 *
 * The suite (pinned in tools/conformance/package-lock.json) needs Node 22, so
 * it is installed apart from the site, together with a Node 22 binary from the
 * npm registry; the client it runs still uses this machine's Node.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TOOL_DIR = join(__dirname, '..', 'tools', 'conformance');
const SUITES = ['auth', 'draft'] as const;

/** The client as the suite runs it; the suite appends the server URL. */
export const CLIENT_COMMAND = [
  'node --import tsx scripts/client.ts',
  // scope-step-up needs a tools/call that the server refuses with insufficient_scope.
  '--call test-tool',
  // basic-cimd expects this URL as the client_id.
  '--client-metadata-url https://conformance-test.local/client-metadata.json',
].join(' ');

function fail(message: string): never {
  process.stderr.write(`conformance: ${message}\n`);
  process.exit(1);
}

/** Installs tools/conformance from its lock file when it is missing or stale. */
function ensureInstalled(): void {
  const installedLock = join(TOOL_DIR, 'node_modules', '.package-lock.json');
  const lock = join(TOOL_DIR, 'package-lock.json');
  const fresh =
    existsSync(installedLock) &&
    JSON.parse(readFileSync(installedLock, 'utf8')).packages?.[
      'node_modules/@modelcontextprotocol/conformance'
    ]?.version ===
      JSON.parse(readFileSync(lock, 'utf8')).packages?.[
        'node_modules/@modelcontextprotocol/conformance'
      ]?.version;
  if (fresh) return;
  process.stdout.write('conformance: installing tools/conformance (npm ci)\n');
  const r = spawnSync(
    'npm',
    ['ci', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: TOOL_DIR, stdio: 'inherit' },
  );
  if (r.status !== 0) fail('npm ci in tools/conformance failed');
}

/** A Node 22 or later: this one if it is, else the registry's binary. */
function node22(): string {
  if (Number(process.versions.node.split('.')[0]) >= 22)
    return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const bin = join(TOOL_DIR, 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(bin))
    fail(
      `no Node 22 for ${process.platform}-${process.arch}: run this on Node 22 or add ${pkg} to tools/conformance`,
    );
  return bin;
}

interface SuiteResult {
  suite: string;
  total: string;
  code: number;
}

function runSuite(node: string, suite: string): Promise<SuiteResult> {
  const entry = join(
    TOOL_DIR,
    'node_modules',
    '@modelcontextprotocol',
    'conformance',
    'dist',
    'index.js',
  );
  const args = ['client', '--command', CLIENT_COMMAND, '--suite', suite];
  return new Promise((resolve, reject) => {
    const child = spawn(node, [entry, ...args, '--timeout', '90000'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let trace = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
    });
    // The suite's stderr is a per-scenario trace: shown only on failure.
    child.stderr.on('data', (d: Buffer) => (trace += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) process.stderr.write(trace);
      const total = /^Total: .*$/m.exec(out)?.[0] ?? 'no summary printed';
      resolve({ suite, total, code: code ?? 1 });
    });
  });
}

async function main(): Promise<void> {
  ensureInstalled();
  const node = node22();
  const results: SuiteResult[] = [];
  for (const suite of SUITES) results.push(await runSuite(node, suite));
  process.stdout.write('\n');
  for (const r of results)
    process.stdout.write(`conformance --suite ${r.suite}: ${r.total}\n`);
  const failed = results.filter((r) => r.code !== 0);
  if (failed.length > 0)
    fail(`suite ${failed.map((r) => r.suite).join(', ')} failed`);
}

void main().catch((e: unknown) => fail((e as Error).message));

/**
 * Loads the local mock server with N validated MCP requests over loopback.
 *
 *   npx tsx bench/mock-server.bench.ts [--requests 10000] [--concurrency 4] [--method tools/list]
 *
 * Every request carries a valid token, so ToolHive validates it each time;
 * tools/list also runs Cedar on each tool (initialize skips Cedar).
 *
 * Prints requests/s, p95 latency, the JWKS fetch count and memory before and
 * after, and as its last line:
 * RESULT requests=<n> rps=<x> p95_ms=<x> jwks_fetches=<n> rss_before_mb=<x> rss_after_mb=<x>
 */
import { createMockServer } from '../src/mock-server/server';
import { getGc, login, runLoad, settledRssMb } from '../src/mock-server/load';
import { options } from '../scripts/lib/args';
import { resultLine, round } from './lib';

async function main(): Promise<void> {
  const args = options({
    requests: '10000',
    concurrency: '4',
    method: 'tools/list',
  });
  const requests = Number(args.requests);
  const concurrency = Number(args.concurrency);
  const method = args.method;
  if (!Number.isInteger(requests) || requests < 1)
    throw new Error('--requests must be a positive integer');
  const server = await createMockServer({ port: 0, scenario: 'happy-path' });
  try {
    const { accessToken } = await login(server.url, server.mcpUrl);
    // Warm-up: first JWKS fetch, Cedar load, JIT, a full exchange log, steady rss.
    const warm = await runLoad({
      mcpUrl: server.mcpUrl,
      token: accessToken,
      requests: Math.min(3000, requests),
      concurrency,
      method,
    });
    if (warm.failed)
      throw new Error(`warm-up failed: ${warm.firstFailure ?? ''}`);
    const before = await settledRssMb();
    const cpu0 = process.cpuUsage();
    const result = await runLoad({
      mcpUrl: server.mcpUrl,
      token: accessToken,
      requests,
      concurrency,
      method,
      maxMs: 300_000,
    });
    const cpu = process.cpuUsage(cpu0);
    const after = await settledRssMb();
    const jwks = server.stats().jwksFetches;
    console.log(
      `mock server ${server.mcpUrl}, scenario happy-path, ${method} with a valid token`,
    );
    console.log(
      `requests: ${result.completed}/${requests} (${result.failed} failed${result.timedOut ? ', stopped at the time limit' : ''})`,
    );
    console.log(
      `elapsed: ${round(result.elapsedMs / 1000, 2)} s, ${round(result.rps)} requests/s, concurrency ${concurrency}`,
    );
    console.log(
      `latency: p50 ${round(result.p50Ms, 2)} ms, p95 ${round(result.p95Ms, 2)} ms, max ${round(result.maxMs, 2)} ms`,
    );
    console.log(
      `cpu: ${round((cpu.user + cpu.system) / 1000 / Math.max(1, result.completed), 3)} ms per request (server and driver in one process)`,
    );
    console.log(`JWKS fetches: ${jwks}`);
    console.log(
      `rss: ${round(before)} MiB before, ${round(after)} MiB after (${round(((after - before) / before) * 100)}%)${getGc() ? ', after full GC' : ', no GC available'}`,
    );
    if (result.failed)
      console.log(`first failure: ${result.firstFailure ?? ''}`);
    console.log(
      resultLine({
        requests: result.completed,
        rps: round(result.rps),
        p95_ms: round(result.p95Ms, 2),
        jwks_fetches: jwks,
        rss_before_mb: round(before),
        rss_after_mb: round(after),
      }),
    );
    if (result.failed) process.exitCode = 1;
  } finally {
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});

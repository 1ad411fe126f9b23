/**
 * Soak: 10,000 validated MCP requests (initialize with a valid token, so
 * ToolHive validates every one and proxies it to the backend; Cedar is the
 * bench's tools/list job) over loopback against the in-process mock server. Bounded in count and in real
 * time; the JWKS must be fetched once and resident memory must not grow by
 * more than 20% after the warm-up. Prints requests/s, p95 latency and memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMockServer,
  type MockServer,
} from '../../../src/mock-server/server';
import {
  getGc,
  login,
  runLoad,
  settledRssMb,
} from '../../../src/mock-server/load';

const REQUESTS = 10_000;
/**
 * Long enough for rss to level off: the heap is flat after about 1,000
 * requests, but JIT code and malloc arenas (the crypto thread pool) keep
 * growing rss until about 3,000-4,000 on Node 20.
 */
const WARM_UP = 3_000;
/** Real-time bound for the measured run; the test stops by itself. */
const MAX_MS = 170_000;
const CONCURRENCY = 4;
const METHOD = 'initialize';

describe('soak', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer({ port: 0, scenario: 'happy-path' });
  });
  afterAll(() => server.close());

  it(
    `${REQUESTS} requests with a valid token: JWKS fetched once, rss within +20%`,
    async () => {
      const { accessToken } = await login(server.url, server.mcpUrl);
      // Warm-up: JIT, the first JWKS fetch, a full exchange log, steady rss.
      const warm = await runLoad({
        mcpUrl: server.mcpUrl,
        token: accessToken,
        requests: WARM_UP,
        concurrency: CONCURRENCY,
        method: METHOD,
      });
      expect(warm.failed).toBe(0);
      const before = await settledRssMb();
      const cpu0 = process.cpuUsage();
      const result = await runLoad({
        mcpUrl: server.mcpUrl,
        token: accessToken,
        requests: REQUESTS,
        concurrency: CONCURRENCY,
        method: METHOD,
        maxMs: MAX_MS,
      });
      const cpu = process.cpuUsage(cpu0);
      const after = await settledRssMb();
      const stats = server.stats();
      const growth = (after - before) / before;
      const gc = getGc() ? 'after full GC' : 'no GC available';
      console.log(
        [
          `soak: ${result.completed}/${REQUESTS} requests${result.timedOut ? ' (stopped at the time bound)' : ''}, ${result.failed} failed`,
          `soak: ${result.rps.toFixed(1)} requests/s, p50 ${result.p50Ms.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms, ${(result.elapsedMs / 1000).toFixed(1)} s, concurrency ${CONCURRENCY}`,
          `soak: rss ${before.toFixed(1)} MiB before, ${after.toFixed(1)} MiB after (${(growth * 100).toFixed(1)}%, ${gc})`,
          `soak: cpu ${((cpu.user + cpu.system) / 1000 / Math.max(1, result.completed)).toFixed(3)} ms per request (server and driver in one process), method ${METHOD}`,
          `soak: JWKS fetches ${stats.jwksFetches}, log ${stats.logSize} exchanges kept, ${stats.logDropped} dropped`,
        ].join('\n'),
      );
      expect(result.failed, result.firstFailure ?? '').toBe(0);
      if (!result.timedOut) expect(result.completed).toBe(REQUESTS);
      expect(result.completed).toBeGreaterThan(WARM_UP);
      expect(stats.jwksFetches).toBe(1);
      expect(growth).toBeLessThanOrEqual(0.2);
    },
    MAX_MS + 60_000,
  );
});

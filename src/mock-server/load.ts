/**
 * Load driver for the soak test and the benchmark: logs in with plain fetch
 * (DCR, authorize with PKCE S256, token) and then sends N validated MCP
 * requests over loopback with a few in flight, bounded in count and time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface LoginResult {
  accessToken: string;
  clientId: string;
}

const REDIRECT_URI = 'http://127.0.0.1:33418/callback';

/** DCR + authorize (302 read manually) + token, against a mock server origin. */
export async function login(
  origin: string,
  mcpUrl: string,
): Promise<LoginResult> {
  const reg = await fetch(`${origin}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'load driver',
      redirect_uris: [REDIRECT_URI],
      token_endpoint_auth_method: 'none',
    }),
  });
  if (reg.status !== 201)
    throw new Error(`registration failed: ${reg.status} ${await reg.text()}`);
  const { client_id: clientId } = (await reg.json()) as { client_id: string };
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL(`${origin}/authorize`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'load',
    scope: 'mcp:tools',
    resource: mcpUrl,
  }).toString();
  const res = await fetch(authorize, { redirect: 'manual' });
  const code = new URL(
    res.headers.get('location') ?? 'http://invalid/',
  ).searchParams.get('code');
  if (res.status !== 302 || !code)
    throw new Error(
      `authorize failed: ${res.status} ${res.headers.get('location') ?? ''}`,
    );
  const token = await fetch(`${origin}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT_URI,
      client_id: clientId,
      resource: mcpUrl,
    }).toString(),
  });
  const body = (await token.json()) as { access_token?: string };
  if (token.status !== 200 || !body.access_token)
    throw new Error(
      `token request failed: ${token.status} ${JSON.stringify(body)}`,
    );
  return { accessToken: body.access_token, clientId };
}

export interface LoadOptions {
  mcpUrl: string;
  token: string;
  requests: number;
  /** Requests in flight at once. Default 4. */
  concurrency?: number;
  /** Stop early after this much real time. Default 120 s. */
  maxMs?: number;
  /** JSON-RPC method. Default tools/list. */
  method?: string;
}

export interface LoadResult {
  requested: number;
  completed: number;
  failed: number;
  /** First unexpected status seen, if any. */
  firstFailure: string | null;
  elapsedMs: number;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  timedOut: boolean;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] ?? Number.NaN;
}

/** Sends `requests` validated MCP requests; every one must answer 200. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const deadline = performance.now() + (options.maxMs ?? 120_000);
  const method = options.method ?? 'tools/list';
  const latencies: number[] = [];
  let next = 0;
  let completed = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  let timedOut = false;
  const target = new URL(options.mcpUrl);
  // node:http with a keep-alive agent: lighter than fetch, so the driver
  // takes less of the CPU it shares with the server in the same process.
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const headers = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    'mcp-protocol-version': '2025-11-25',
    authorization: `Bearer ${options.token}`,
  };
  const post = (body: string): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        target,
        {
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString(),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();

  async function worker(): Promise<void> {
    while (next < options.requests) {
      if (performance.now() > deadline) {
        timedOut = true;
        return;
      }
      const i = next++;
      const t0 = performance.now();
      try {
        const res = await post(
          `{"jsonrpc":"2.0","id":${i + 1},"method":"${method}","params":{}}`,
        );
        if (res.status !== 200) {
          failed++;
          firstFailure ??= `${res.status} ${res.text.slice(0, 200)}`;
        }
      } catch (e) {
        failed++;
        firstFailure ??= e instanceof Error ? e.message : String(e);
      }
      latencies.push(performance.now() - t0);
      completed++;
    }
  }

  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const elapsedMs = performance.now() - started;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requested: options.requests,
    completed,
    failed,
    firstFailure,
    elapsedMs,
    rps: completed / (elapsedMs / 1000),
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted.at(-1) ?? Number.NaN,
    timedOut,
  };
}

let gcFn: (() => void) | null | undefined;

/**
 * A full GC: `global.gc` when Node runs with `--expose-gc`, otherwise one
 * obtained by turning the flag on at run time. Null if neither works.
 */
export function getGc(): (() => void) | null {
  if (gcFn !== undefined) return gcFn;
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return (gcFn = exposed);
  try {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  } catch {
    gcFn = null;
  }
  return gcFn;
}

/** Resident set size in MiB, measured after full GCs when one is available. */
function rssMb(): number {
  const gc = getGc();
  if (gc) {
    gc();
    gc();
  }
  return process.memoryUsage().rss / (1024 * 1024);
}

/**
 * A steadier rss reading: the median of five readings, each after full GCs,
 * 20 ms apart, so one moment of allocator slack does not decide the result.
 */
export async function settledRssMb(): Promise<number> {
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    readings.push(rssMb());
  }
  readings.sort((a, b) => a - b);
  return readings[2] ?? rssMb();
}

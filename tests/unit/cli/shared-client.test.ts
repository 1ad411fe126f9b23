/**
 * The command-line client and the simulator run one client. The CLI runs the
 * whole flow against the local mock server over real HTTP, and its requests
 * equal, one by one, the requests the simulator's client sends in the
 * happy-path scenario, once origins and random values (state, PKCE, code,
 * client id, tokens, session id) are replaced by placeholders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMockServer,
  type MockServer,
} from '../../../src/mock-server/server';
import {
  createInPageTransport,
  createSimulation,
  DEFAULT_URLS,
} from '../../../src/simulator';
import { recordRequest } from '../../../src/simulator/engine/recorder';
import type { RecordedRequest } from '../../../src/simulator/engine/types';
import { runClient } from '../../../src/cli/run';
import type { CliOptions } from '../../../src/cli/args';
import { textPrinter, type CliExchange } from '../../../src/cli/print';

/** Values that differ on every run, by where they appear. */
const RANDOM_QUERY = new Set(['state', 'code_challenge', 'client_id', 'code']);
const RANDOM_FORM = new Set(['code', 'code_verifier', 'client_id']);

function normalizer(origins: string[]) {
  const text = (v: string) =>
    origins.reduce((acc, o) => acc.split(o).join('<origin>'), v);
  return (r: RecordedRequest) => {
    const url = new URL(r.url);
    const query = [...url.searchParams].map(([k, v]) => [
      k,
      RANDOM_QUERY.has(k) ? `<${k}>` : text(v),
    ]);
    const headers = r.headers.map(([k, v]) => [
      k,
      k === 'authorization'
        ? v.replace(/^Bearer .+$/, 'Bearer <token>')
        : k === 'mcp-session-id'
          ? '<session>'
          : text(v),
    ]);
    let body: unknown = r.body;
    if (r.body && r.headers.some(([, v]) => v.includes('form-urlencoded')))
      body = [...new URLSearchParams(r.body)].map(([k, v]) => [
        k,
        RANDOM_FORM.has(k) ? `<${k}>` : text(v),
      ]);
    else if (r.body) body = JSON.parse(text(r.body)) as unknown;
    return {
      method: r.method,
      url: text(`${url.origin}${url.pathname}`),
      query,
      headers,
      body,
    };
  };
}

describe('the CLI and the simulator share the client', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await createMockServer({ port: 0, scenario: 'happy-path' });
  });
  afterAll(() => server.close());

  it('completes the flow against the mock server, then matches the simulator request for request', async () => {
    const options: CliOptions = {
      mcpUrl: server.mcpUrl,
      json: false,
      toolCall: { name: 'echo', arguments: { text: 'hello' } },
      clientId: null,
      clientSecret: null,
      clientMetadataUrl: null,
      redirectUri: DEFAULT_URLS.redirectUri,
      clientName: 'Example MCP Client',
      waitSeconds: 5,
      revision: '2025-11-25',
    };
    let printed = '';
    const errors: string[] = [];
    const cli = await runClient(options, {
      fetch: (request) => fetch(request),
      printer: textPrinter(
        (s) => (printed += s),
        (s) => errors.push(s),
      ),
      tell: (line) => errors.push(line),
    });
    expect(errors).toEqual([]);
    expect(cli.code).toBe(0);
    expect(printed).toContain('=== exchange_code ===');
    expect(printed).toContain('HTTP/1.1 401 Unauthorized');
    expect(printed).toContain('registration: dcr');
    expect(printed).toMatch(/tool_result: .*echo ran with/);

    // The same scenario in the simulator, recording what its client sends.
    const inner = createInPageTransport();
    const sent: RecordedRequest[] = [];
    const sim = createSimulation({
      scenarioId: 'happy-path',
      transport: {
        kind: inner.kind,
        attach: (world) => inner.attach(world),
        async fetch(request) {
          sent.push(await recordRequest(request));
          return inner.fetch(request);
        },
      },
    });
    const transcript = await sim.runToEnd();
    expect(transcript.finished).toBe(true);

    const norm = normalizer([
      new URL(DEFAULT_URLS.mcp).origin,
      new URL(DEFAULT_URLS.authServer).origin,
      server.url,
    ]);
    expect(cli.exchanges.map((x: CliExchange) => norm(x.request))).toEqual(
      sent.map(norm),
    );
    expect(sent.length).toBe(10);
    // And in the same steps, in the same order.
    const cliSteps = [...new Set(cli.exchanges.map((x) => x.stepId))];
    expect(cliSteps).toEqual(sim.steps.map((s) => s.id));
  });
});

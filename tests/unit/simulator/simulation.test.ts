/* eslint-disable @typescript-eslint/no-non-null-assertion -- a wrong guess fails the test right there, which is what a test wants. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createSimulation,
  listScenarios,
  checkPolicy,
  type CedarLoader,
} from '../../../src/simulator';
import { defaultCedarLoader } from '../../../src/simulator/engine/cedar-api';
import {
  createNodeTransport,
  type NodeTransport,
} from '../../../src/simulator/http/node';
import { recoverOpaqueRedirect } from '../../../src/simulator/http/transport';
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import { makeWorld } from './world-helpers';
import { actualOutcome } from './helpers';

describe('determinism', () => {
  it('gives byte-identical JSON transcripts on two runs of every scenario', async () => {
    for (const s of listScenarios()) {
      const a = JSON.stringify(
        await createSimulation({ scenarioId: s.id }).runToEnd(),
      );
      const b = JSON.stringify(
        await createSimulation({ scenarioId: s.id }).runToEnd(),
      );
      expect(a, s.id).toBe(b);
    }
  });

  it('starts every run at 2026-01-15T09:00:00Z', () => {
    expect(createSimulation({ scenarioId: 'happy-path' }).clock.iso()).toBe(
      '2026-01-15T09:00:00.000Z',
    );
  });
});

describe('RFC 7636 Appendix B', () => {
  it('maps the example verifier to the example challenge', async () => {
    expect(
      await calculatePKCECodeChallenge(
        'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      ),
    ).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('stepping', () => {
  it('runs one step at a time and exposes step definitions', async () => {
    const sim = createSimulation({ scenarioId: 'happy-path' });
    expect(sim.steps.map((s) => s.id)[0]).toBe('probe_unauthenticated');
    expect(sim.cursor).toBe(0);
    const r = await sim.next();
    expect(r.stepId).toBe('probe_unauthenticated');
    expect(r.exchanges[0]?.response.status).toBe(401);
    expect(sim.cursor).toBe(1);
    expect(sim.finished).toBe(false);
  });

  it('goes back by re-running deterministically to step n-1', async () => {
    const sim = createSimulation({ scenarioId: 'key-rotation' });
    for (let i = 0; i < 5; i++) await sim.next();
    const at4 = JSON.stringify(sim.records.slice(0, 4));
    await sim.back();
    expect(sim.cursor).toBe(4);
    expect(JSON.stringify(sim.records)).toBe(at4);
    await sim.next();
    expect(sim.cursor).toBe(5);
  });

  it('replays clock moves made before the step it goes back to', async () => {
    const sim = createSimulation({ scenarioId: 'happy-path' });
    await sim.next();
    await sim.advanceClock(60);
    await sim.next();
    await sim.next();
    await sim.back();
    expect(sim.cursor).toBe(2);
    expect(sim.clock.iso()).toBe('2026-01-15T09:01:00.000Z');
  });

  it('resets to the start', async () => {
    const sim = createSimulation({ scenarioId: 'happy-path' });
    await sim.runToEnd();
    await sim.reset();
    expect(sim.cursor).toBe(0);
    expect(sim.finished).toBe(false);
    expect(sim.transcript().outcome).toBe('running');
    const t = await sim.runToEnd();
    expect(t.outcome).toBe('success');
  });

  it('stops at the first failed step and keeps next() harmless afterwards', async () => {
    const sim = createSimulation({ scenarioId: 'no-s256' });
    const t = await sim.runToEnd();
    expect(t.records).toHaveLength(3);
    expect(sim.finished).toBe(true);
    const again = await sim.next();
    expect(again.stepId).toBe('fetch_authorization_server_metadata');
    expect(sim.records).toHaveLength(3);
  });

  it('records clock effects: token expiry and the JWKS refresh', async () => {
    const sim = createSimulation({ scenarioId: 'happy-path' });
    for (let i = 0; i < 7; i++) await sim.next();
    const events = await sim.advanceClock(3600);
    expect(events.map((e) => e.kind)).toEqual([
      'clock-advanced',
      'jwks-refresh',
      'token-expired',
    ]);
    expect(sim.transcript().clockEvents).toHaveLength(3);
    const r = await sim.next();
    expect(r.status).toBe('failed');
    expect(r.error?.check).toBe('exp');
  });

  it('exposes the ToolHive configuration in force', () => {
    const sim = createSimulation({ scenarioId: 'token-exchange' });
    expect(sim.config).toMatchObject({
      resourceUrl: 'https://mcp.example.com/mcp',
      issuer: 'https://auth.example.com',
      audience: 'https://mcp.example.com/mcp',
      backendMode: 'token-exchange',
      authorization: 'off',
    });
    expect(
      createSimulation({
        scenarioId: 'token-exchange',
        backendMode: 'strip-auth',
      }).config.backendMode,
    ).toBe('strip-auth');
  });
});

describe('validateToken (paste your own token)', () => {
  it('accepts a token the simulation issued and rejects junk, without touching the transcript', async () => {
    const sim = createSimulation({ scenarioId: 'happy-path' });
    for (let i = 0; i < 6; i++) await sim.next();
    const before = JSON.stringify(sim.transcript());
    const token = sim.records[5]!.tokens[0]!.raw;
    const ok = await sim.validateToken(token);
    expect(ok.at(-1)).toMatchObject({ id: 'sub', status: 'pass' });
    const junk = await sim.validateToken('not-a-token');
    expect(junk.find((v) => v.id === 'introspection')?.status).toBe('fail');
    expect(JSON.stringify(sim.transcript())).toBe(before);
  });
});

describe('Cedar loading', () => {
  it('loads Cedar only when an authorization step first runs', async () => {
    const loader = vi.fn<CedarLoader>(defaultCedarLoader);
    const sim = createSimulation({
      scenarioId: 'happy-path',
      loadCedar: loader,
    });
    for (let i = 0; i < 7; i++) await sim.next();
    expect(loader).not.toHaveBeenCalled();
    await sim.next();
    expect(loader).toHaveBeenCalledTimes(1);
    await sim.next();
    expect(loader).toHaveBeenCalledTimes(1);
    const noAuthz = vi.fn<CedarLoader>(defaultCedarLoader);
    await createSimulation({
      scenarioId: 'passthrough',
      loadCedar: noAuthz,
    }).runToEnd();
    expect(noAuthz).not.toHaveBeenCalled();
  });

  it("surfaces Cedar's message for a bad policy and denies", async () => {
    expect(
      (await checkPolicy('permit(principal, action, resource'))[0],
    ).toContain('unexpected end of input');
    expect(await checkPolicy('permit(principal, action, resource);')).toEqual(
      [],
    );
    const t = await createSimulation({
      scenarioId: 'happy-path',
      policy: 'permit(principal, action, resource',
    }).runToEnd();
    const failed = t.records.find((r) => r.status === 'failed');
    expect(failed?.stepId).toBe('call_tool');
    expect(failed?.checks.find((c) => c.id === 'cedar')?.detail).toContain(
      'unexpected end of input',
    );
  });

  it('lets an edited policy permit what the default denies', async () => {
    const t = await createSimulation({
      scenarioId: 'cedar-deny',
      policy: 'permit (principal == Client::"alice", action, resource);',
    }).runToEnd();
    expect(t.outcome).toBe('success');
  });
});

describe('transports', () => {
  let transport: NodeTransport;
  beforeAll(() => {
    transport = createNodeTransport();
  });
  afterAll(() => transport.close());

  it('runs every scenario through msw/node and the global fetch with the same outcome as in-page', async () => {
    for (const s of listScenarios()) {
      const t = await createSimulation({
        scenarioId: s.id,
        transport,
      }).runToEnd();
      expect(actualOutcome(t), s.id).toEqual(s.expected);
    }
  });

  it('gives the same transcript through msw/node as through getResponse', async () => {
    const a = await createSimulation({
      scenarioId: 'happy-path',
      transport,
    }).runToEnd();
    const b = await createSimulation({ scenarioId: 'happy-path' }).runToEnd();
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('recovers the Location of an opaque redirect from the handler-side record', async () => {
    const w = makeWorld();
    const url = 'https://auth.example.com/authorize?client_id=nobody';
    await w.internalFetch(new Request(url));
    const opaque = {
      type: 'opaqueredirect',
      status: 0,
      headers: new Headers(),
    } as unknown as Response;
    const recovered = recoverOpaqueRedirect(w, new Request(url), opaque);
    expect(recovered.status).toBe(400);
    const normal = new Response(null, { status: 204 });
    expect(recoverOpaqueRedirect(w, new Request(url), normal)).toBe(normal);
  });
});

describe('host rewriting', () => {
  it('runs the happy path with every host moved to 127.0.0.1 ports', async () => {
    const t = await createSimulation({
      scenarioId: 'happy-path',
      urls: {
        mcp: 'http://127.0.0.1:4100/mcp',
        otherMcp: 'http://127.0.0.1:4101/mcp',
        authServer: 'http://127.0.0.1:4102',
        idp: 'http://127.0.0.1:4103',
        backend: 'http://127.0.0.1:4104/mcp',
      },
    }).runToEnd();
    expect(t.outcome).toBe('success');
    expect(t.records[0]!.exchanges[0]!.request.url).toBe(
      'http://127.0.0.1:4100/mcp',
    );
  });
});

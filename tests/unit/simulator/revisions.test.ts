/**
 * The two spec revisions side by side: what a 2026-07-28 client and the
 * spec-following authorization server do differently, read from the
 * exchanges and checks of real runs.
 */
import { describe, expect, it } from 'vitest';
import {
  REFERENCES,
  REVISION_DIFFERENCES,
  STEPS,
  createSimulation,
  revisionDifference,
  type SpecRevision,
  type StepRecord,
  type Transcript,
} from '../../../src/simulator';
import { stepUpScopes } from '../../../src/simulator/actors/client/step-up';
import { applicationType } from '../../../src/simulator/actors/client/registration';
import { makeWorld } from './world-helpers';

async function run(
  scenarioId: string,
  revision: SpecRevision,
): Promise<Transcript> {
  return createSimulation({ scenarioId, revision }).runToEnd();
}

function step(t: Transcript, id: string): StepRecord {
  const r = t.records.find((x) => x.stepId === id);
  if (!r) throw new Error(`no record for ${id}`);
  return r;
}

function header(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name)?.[1];
}

describe('mix-up: an authorization response naming another issuer', () => {
  it('stops a 2026-07-28 client before the code reaches a token endpoint', async () => {
    const t = await run('mix-up', '2026-07-28');
    const auth = step(t, 'authorize');
    expect(auth.checks).toContainEqual(
      expect.objectContaining({
        id: 'authorization-response-iss',
        status: 'fail',
      }),
    );
    const redirect = auth.exchanges.at(-1);
    expect(header(redirect?.response.headers ?? [], 'location')).toContain(
      'iss=https%3A%2F%2Fattacker.example.net',
    );
    expect(t.records.map((r) => r.stepId)).not.toContain('exchange_code');
  });

  it('lets a 2025-11-25 client redeem the code', async () => {
    const t = await run('mix-up', '2025-11-25');
    expect(step(t, 'exchange_code').status).toBe('done');
    expect(step(t, 'authorize').checks.map((c) => c.id)).not.toContain(
      'authorization-response-iss',
    );
  });

  it('compares iss by exact string, without normalising a trailing slash', async () => {
    const w = makeWorld('happy-path', (c) => {
      c.revision = '2026-07-28';
      c.authServer.issOverride = 'https://auth.example.com/';
    });
    await w.inStep('probe_unauthenticated', () => w.client.probe());
    await w.inStep('fetch_resource_metadata', () =>
      w.client.fetchResourceMetadata(),
    );
    await w.inStep('fetch_authorization_server_metadata', () =>
      w.client.fetchAuthorizationServerMetadata(),
    );
    await w.inStep('register_client', () => w.client.register());
    expect(w.client.state.as?.issuer).toBe('https://auth.example.com');
    await expect(
      w.inStep('authorize', () => w.client.authorize()),
    ).rejects.toMatchObject({ code: 'iss_mismatch' });
    expect(w.client.state.code).toBeNull();
  });

  it('never surfaces the error or error_description of a response that fails the check', async () => {
    const w = makeWorld('consent-denied', (c) => {
      c.revision = '2026-07-28';
      c.authServer.issOverride = 'https://attacker.example.net';
    });
    await w.inStep('probe_unauthenticated', () => w.client.probe());
    await w.inStep('fetch_resource_metadata', () =>
      w.client.fetchResourceMetadata(),
    );
    await w.inStep('fetch_authorization_server_metadata', () =>
      w.client.fetchAuthorizationServerMetadata(),
    );
    await w.inStep('register_client', () => w.client.register());
    const error = await w
      .inStep('authorize', () => w.client.authorize())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'iss_mismatch' });
    expect((error as { oauthError?: string }).oauthError).toBeUndefined();
    expect((error as Error).message).not.toMatch(/denied|refused/i);
  });
});

describe('the spec-following authorization server and iss', () => {
  it('sends iss and advertises it under 2026-07-28 only', async () => {
    for (const [revision, sent] of [
      ['2025-11-25', false],
      ['2026-07-28', true],
    ] as const) {
      const t = await run('happy-path', revision);
      const meta = step(t, 'fetch_authorization_server_metadata').exchanges.at(
        -1,
      );
      const doc = JSON.parse(meta?.response.body ?? '{}') as Record<
        string,
        unknown
      >;
      expect(doc.authorization_response_iss_parameter_supported === true).toBe(
        sent,
      );
      const location = header(
        step(t, 'authorize').exchanges.at(-1)?.response.headers ?? [],
        'location',
      );
      expect(location?.includes('iss=')).toBe(sent);
    }
  });

  it('proceeds without iss when the metadata does not advertise it (the embedded AS)', async () => {
    const t = await run('upstream-swap', '2026-07-28');
    expect(step(t, 'authorize').checks).toContainEqual(
      expect.objectContaining({
        id: 'authorization-response-iss',
        status: 'skip',
      }),
    );
    expect(t.outcome).toBe('success');
  });
});

describe('credentials bound to their issuer', () => {
  it('registers again under 2026-07-28, with application_type native', async () => {
    const t = await run('credentials-other-as', '2026-07-28');
    const reg = step(t, 'register_client');
    expect(reg.checks).toContainEqual(
      expect.objectContaining({
        id: 'client-credentials-issuer',
        status: 'fail',
      }),
    );
    const body = JSON.parse(reg.exchanges.at(-1)?.request.body ?? '{}') as {
      application_type?: string;
    };
    expect(body.application_type).toBe('native');
    expect(reg.outcome).toContain('deprecated fallback');
  });

  it('offers the old client_id under 2025-11-25, with no application_type', async () => {
    const t = await run('credentials-other-as', '2025-11-25');
    expect(step(t, 'register_client').exchanges).toEqual([]);
    const happy = await run('happy-path', '2025-11-25');
    const body = JSON.parse(
      step(happy, 'register_client').exchanges.at(-1)?.request.body ?? '{}',
    ) as Record<string, unknown>;
    expect(body).not.toHaveProperty('application_type');
  });

  it('reports pre-registered credentials for another AS instead of trying them', async () => {
    const w = makeWorld('happy-path', (c) => {
      c.revision = '2026-07-28';
      c.client.heldCredentials = {
        issuer: 'https://old-auth.example.net',
        clientId: 'old-pre-registered',
        kind: 'pre-registered',
      };
    });
    await w.inStep('probe_unauthenticated', () => w.client.probe());
    await w.inStep('fetch_resource_metadata', () =>
      w.client.fetchResourceMetadata(),
    );
    await w.inStep('fetch_authorization_server_metadata', () =>
      w.client.fetchAuthorizationServerMetadata(),
    );
    await expect(
      w.inStep('register_client', () => w.client.register()),
    ).rejects.toMatchObject({ code: 'credentials_bound_to_other_issuer' });
  });

  it('chooses application_type from the redirect URI', () => {
    expect(applicationType('http://127.0.0.1:33418/callback')).toBe('native');
    expect(applicationType('http://localhost:8080/cb')).toBe('native');
    expect(applicationType('https://app.example.com/callback')).toBe('web');
  });
});

describe('step-up scopes', () => {
  it('asks for the union of held and challenged scopes under 2026-07-28', async () => {
    const scopeOf = (t: Transcript) =>
      new URL(
        step(t, 'step_up_authorize').exchanges[0]?.request.url ?? '',
      ).searchParams.get('scope');
    const challenged = (t: Transcript) =>
      header(
        step(t, 'call_tool').exchanges.find((x) => x.response.status === 403)
          ?.response.headers ?? [],
        'www-authenticate',
      );
    // 2025-11-25: the server repeats the granted scope; the client asks for
    // exactly what was challenged.
    const old = await run('step-up', '2025-11-25');
    expect(challenged(old)).toContain('scope="mcp:tools mcp:admin"');
    expect(scopeOf(old)).toBe('mcp:tools mcp:admin');
    // 2026-07-28: the challenge names only what the call needs; the client
    // adds what it already held.
    const now = await run('step-up', '2026-07-28');
    expect(challenged(now)).toContain('scope="mcp:admin"');
    expect(scopeOf(now)).toBe('mcp:tools mcp:admin');
  });

  it('keeps order and drops duplicates', () => {
    expect(stepUpScopes('2026-07-28', 'a b', 'b c')).toBe('a b c');
    expect(stepUpScopes('2026-07-28', null, 'c')).toBe('c');
    expect(stepUpScopes('2025-11-25', 'a b', 'c')).toBe('c');
  });
});

describe('MCP transport under 2026-07-28', () => {
  it('probes with server/discover and falls back to initialize, recording the deviation', async () => {
    const t = await run('happy-path', '2026-07-28');
    const probe = step(t, 'probe_unauthenticated').exchanges[0];
    expect(JSON.parse(probe?.request.body ?? '{}')).toMatchObject({
      method: 'server/discover',
      params: {
        _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
      },
    });
    const init = step(t, 'call_initialize');
    const methods = init.exchanges
      .filter((x) => x.actor === 'toolhive')
      .map(
        (x) =>
          (JSON.parse(x.request.body ?? '{}') as { method: string }).method,
      );
    expect(methods).toEqual([
      'server/discover',
      'initialize',
      'notifications/initialized',
    ]);
    const discover = init.exchanges.find((x) => x.actor === 'toolhive');
    expect(header(discover?.request.headers ?? [], 'mcp-session-id')).toBe(
      undefined,
    );
    expect(init.deviations).toContain('no-2026-07-28-transport');
    expect(t.outcome).toBe('success');
  });

  it('sends initialize and no deviation under 2025-11-25', async () => {
    const t = await run('happy-path', '2025-11-25');
    expect(step(t, 'call_initialize').deviations).not.toContain(
      'no-2026-07-28-transport',
    );
  });
});

describe('per-step differences as data', () => {
  it('names only steps that exist, with resolving 2026-07-28 anchors and one sentence each way', () => {
    for (const [id, d] of Object.entries(REVISION_DIFFERENCES)) {
      expect(Object.keys(STEPS)).toContain(id);
      expect(REFERENCES[d.refId].url).toContain('2026-07-28');
      expect(d.newer).not.toEqual(d.older);
      for (const s of [d.newer, d.older]) {
        expect(s).not.toContain('\u2014');
        expect(s.trim().endsWith('.')).toBe(true);
      }
    }
  });

  it('shows the other revision: the 2025-11-25 sentence under 2026-07-28 and the reverse', () => {
    const old = revisionDifference('authorize', '2026-07-28');
    const now = revisionDifference('authorize', '2025-11-25');
    expect(old?.sentence).toMatch(/^Under 2025-11-25/);
    expect(now?.sentence).toMatch(/^Under 2026-07-28/);
    expect(revisionDifference('call_tool', '2026-07-28')).toBeNull();
  });

  it('runs the default revision when none is given', async () => {
    const a = await createSimulation({ scenarioId: 'cimd' }).runToEnd();
    const b = await run('cimd', '2025-11-25');
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

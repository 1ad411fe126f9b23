import { describe, expect, it } from 'vitest';
import {
  judge,
  judgeAll,
  REQUIRED_SCENARIOS,
  type ScenarioRun,
  type SuiteCheck,
} from '../../../src/cli/conformance';

const ok = (id: string): SuiteCheck => ({ id, status: 'SUCCESS' });
const missing = (id: string): SuiteCheck => ({ id, status: 'FAILURE' });
const prm = (servers: string[]): SuiteCheck => ({
  id: 'outgoing-response',
  status: 'INFO',
  details: {
    statusCode: 200,
    body: { resource: 'x', authorization_servers: servers },
  },
});
const asMeta = (issuer: string): SuiteCheck => ({
  id: 'outgoing-auth-response',
  status: 'INFO',
  details: { statusCode: 200, body: { issuer } },
});

/** What metadata-var3 records in 0.1.12 when the client refuses the issuer. */
function issuerDefectRun(overrides: Partial<ScenarioRun> = {}): ScenarioRun {
  return {
    scenario: 'auth/metadata-var3',
    checks: [
      prm(['http://localhost:2/tenant1']),
      ok('authorization-server-metadata'),
      asMeta('http://localhost:2'),
      missing('client-registration'),
      missing('authorization-request'),
      missing('token-request'),
    ],
    clientStderr:
      'client: fetch_authorization_server_metadata: ... (as_issuer_mismatch)\n',
    ...overrides,
  };
}

describe('conformance verdict', () => {
  it('passes a scenario with no failure or warning', () => {
    expect(
      judge({
        scenario: 'auth/basic-cimd',
        checks: [ok('a')],
        clientStderr: '',
      }).status,
    ).toBe('pass');
    expect(
      judge({
        scenario: 'auth/basic-cimd',
        checks: [ok('a'), { id: 'w', status: 'WARNING' }],
        clientStderr: '',
      }).status,
    ).toBe('fail');
  });

  it("names the suite's issuer defect only when its own record proves it", () => {
    expect(judge(issuerDefectRun()).status).toBe('suite-defect');
    // Same issuer on both sides: the client had no reason to stop.
    expect(
      judge(
        issuerDefectRun({
          checks: [
            prm(['http://localhost:2']),
            asMeta('http://localhost:2'),
            missing('token-request'),
          ],
        }),
      ).status,
    ).toBe('fail');
    // Another failure besides the missing steps.
    const run = issuerDefectRun();
    expect(
      judge({
        ...run,
        checks: [...run.checks, missing('pkce-s256-method-used')],
      }).status,
    ).toBe('fail');
    // The client stopped for another reason.
    expect(
      judge(issuerDefectRun({ clientStderr: 'client: boom' })).status,
    ).toBe('fail');
    // Not one of the two scenarios with the defect.
    expect(
      judge(issuerDefectRun({ scenario: 'auth/metadata-default' })).status,
    ).toBe('fail');
  });

  it('needs every required scenario', () => {
    const runs = REQUIRED_SCENARIOS.map((scenario) => ({
      scenario,
      checks: [ok('a')],
      clientStderr: '',
    }));
    expect(judgeAll(runs).ok).toBe(true);
    expect(judgeAll(runs.slice(1)).ok).toBe(false);
    expect(judgeAll(runs.slice(1)).verdicts[0]).toMatchObject({
      status: 'fail',
      detail: 'the suite did not run it',
    });
  });
});

/**
 * Judges a run of the MCP conformance suite's client auth scenarios
 * (@modelcontextprotocol/conformance, pinned at 0.1.12) against the
 * command-line client.
 *
 * Every scenario must pass, with one exception that this module proves
 * rather than assumes: in 0.1.12 the mock authorization server of
 * metadata-var2 and metadata-var3 puts its bare origin in the metadata's
 * `issuer` while the protected resource metadata names the issuer with a
 * `/tenant1` path. RFC 8414 §3.3 says a client must not use such a document,
 * and our client refuses it. The suite fixed this in 0.1.16 (issuer with the
 * path), which needs Node 22. A scenario counts as that defect only when the
 * suite's own record shows the mismatched issuer, the client said
 * `as_issuer_mismatch`, and nothing else failed.
 */

/** The client auth scenarios scored for MCP 2025-11-25, plus resource-mismatch. */
export const REQUIRED_SCENARIOS = [
  'auth/metadata-default',
  'auth/metadata-var1',
  'auth/metadata-var2',
  'auth/metadata-var3',
  'auth/basic-cimd',
  'auth/scope-from-www-authenticate',
  'auth/scope-from-scopes-supported',
  'auth/scope-omitted-when-undefined',
  'auth/scope-step-up',
  'auth/scope-retry-limit',
  'auth/token-endpoint-auth-basic',
  'auth/token-endpoint-auth-post',
  'auth/token-endpoint-auth-none',
  'auth/resource-mismatch',
  'auth/pre-registration',
] as const;

/** Scenarios whose 0.1.12 mock serves an issuer that contradicts its PRM. */
const ISSUER_DEFECT_SCENARIOS = new Set([
  'auth/metadata-var2',
  'auth/metadata-var3',
]);

/** What the suite reports as missing when the client stops at AS metadata. */
const MISSING_AFTER_METADATA = new Set([
  'client-registration',
  'authorization-request',
  'token-request',
]);

export interface SuiteCheck {
  id: string;
  status: string;
  details?: unknown;
}

export interface ScenarioRun {
  scenario: string;
  checks: SuiteCheck[];
  /** What the client wrote to stderr. */
  clientStderr: string;
}

export interface Verdict {
  scenario: string;
  status: 'pass' | 'suite-defect' | 'fail';
  detail: string;
}

interface LoggedResponse {
  statusCode?: unknown;
  body?: unknown;
}

function loggedBodies(checks: SuiteCheck[], id: string): unknown[] {
  return checks
    .filter((c) => c.id === id)
    .map((c) => c.details as LoggedResponse | undefined)
    .filter((d) => d?.statusCode === 200)
    .map((d) => d?.body);
}

/** The issuer the PRM named and the one the AS metadata claimed, from the suite's log. */
export function recordedIssuers(checks: SuiteCheck[]): {
  named: string | null;
  served: string | null;
} {
  let named: string | null = null;
  for (const body of loggedBodies(checks, 'outgoing-response')) {
    const servers = (body as { authorization_servers?: unknown } | null)
      ?.authorization_servers;
    if (Array.isArray(servers) && typeof servers[0] === 'string')
      named = servers[0];
  }
  let served: string | null = null;
  for (const body of loggedBodies(checks, 'outgoing-auth-response')) {
    const issuer = (body as { issuer?: unknown } | null)?.issuer;
    if (typeof issuer === 'string') served = issuer;
  }
  return { named, served };
}

export function judge(run: ScenarioRun): Verdict {
  const failed = run.checks.filter(
    (c) => c.status === 'FAILURE' || c.status === 'WARNING',
  );
  const passed = run.checks.filter((c) => c.status === 'SUCCESS').length;
  if (failed.length === 0)
    return {
      scenario: run.scenario,
      status: 'pass',
      detail: `${passed} checks passed`,
    };
  const ids = failed.map((c) => c.id);
  if (ISSUER_DEFECT_SCENARIOS.has(run.scenario)) {
    const { named, served } = recordedIssuers(run.checks);
    if (
      named !== null &&
      served !== null &&
      named !== served &&
      ids.every((id) => MISSING_AFTER_METADATA.has(id)) &&
      run.clientStderr.includes('as_issuer_mismatch')
    )
      return {
        scenario: run.scenario,
        status: 'suite-defect',
        detail: `the suite's AS metadata says issuer ${served} but its PRM names ${named}; the client refused it (RFC 8414 §3.3)`,
      };
  }
  return {
    scenario: run.scenario,
    status: 'fail',
    detail: `failed: ${ids.join(', ')}`,
  };
}

export function judgeAll(runs: ScenarioRun[]): {
  verdicts: Verdict[];
  ok: boolean;
} {
  const verdicts = REQUIRED_SCENARIOS.map((name): Verdict => {
    const run = runs.find((r) => r.scenario === name);
    return run
      ? judge(run)
      : { scenario: name, status: 'fail', detail: 'the suite did not run it' };
  });
  return { verdicts, ok: verdicts.every((v) => v.status !== 'fail') };
}

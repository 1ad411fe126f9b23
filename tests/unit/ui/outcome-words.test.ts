import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createSimulation,
  listScenarios,
  SPEC_REVISIONS,
  type Transcript,
} from '../../../src/simulator';
import { STEP_CONTENT } from '../../../src/simulator/content/steps';
import {
  FAILURE_CONTENT_BY_REVISION,
  SET_ASIDE,
} from '../../../src/simulator/content/outcomes';
import {
  conceptLinkFor,
  allConceptLinks,
} from '../../../src/simulator/content/concept-links';
import { outcomeWords } from '../../../src/components/Simulator/lib/outcome-words';
import {
  decisiveExchange,
  failedCheck,
} from '../../../src/components/Simulator/lib/decisive';
import { headerValue } from '../../../src/simulator/format/http-text';

const scenarios = listScenarios();
/** Every scenario under every revision, with that revision's expected outcome. */
const runs = SPEC_REVISIONS.flatMap((revision) =>
  scenarios.map((s) => ({
    ...s,
    revision,
    expected: s.expectedByRevision[revision],
    label: `${s.id} (${revision})`,
  })),
);
type Run = (typeof runs)[number];
const failures = runs.flatMap((s) =>
  s.expected.result === 'failure' ? [{ ...s, expected: s.expected }] : [],
);
const transcripts = new Map<string, Transcript>();

beforeAll(async () => {
  for (const s of runs) {
    transcripts.set(
      s.label,
      await createSimulation({
        scenarioId: s.id,
        revision: s.revision,
      }).runToEnd(),
    );
  }
}, 120_000);

function run(s: Run): Transcript {
  const t = transcripts.get(s.label);
  if (!t) throw new Error(`no transcript for ${s.label}`);
  return t;
}

/** Words that belong to the engine, never to the reader. */
const INTERNAL = [
  /\bx\d+\b/,
  /policy\d/,
  /jwks-key/,
  /oidc-discovery/,
  /\bcheck aud\b/,
];

describe('failure scenarios say what happened, truthfully', () => {
  it.each(SPEC_REVISIONS)(
    'has failure words for exactly the failure scenarios under %s',
    (revision) => {
      expect(Object.keys(FAILURE_CONTENT_BY_REVISION[revision]).sort()).toEqual(
        failures
          .filter((s) => s.revision === revision)
          .map((s) => s.id)
          .sort(),
      );
    },
  );

  it('mix-up fails on iss only under 2026-07-28; credentials-other-as the reverse', () => {
    const outcome = (id: string, revision: string) =>
      failures.some((s) => s.id === id && s.revision === revision);
    expect(outcome('mix-up', '2026-07-28')).toBe(true);
    expect(outcome('mix-up', '2025-11-25')).toBe(false);
    expect(outcome('credentials-other-as', '2025-11-25')).toBe(true);
    expect(outcome('credentials-other-as', '2026-07-28')).toBe(false);
  });

  it.each(failures.map((s) => [s.label, s] as const))(
    '%s: "rejected, as expected", its own text, the right actor',
    (_id, s) => {
      const record = run(s).records.find((r) => r.status === 'failed');
      expect(record?.stepId).toBe(s.expected.failedStepId);
      if (!record) return;
      const words = outcomeWords({
        scenarioId: s.id,
        revision: s.revision,
        expected: s.expected,
        record,
        modified: false,
      });
      expect(words.kind).toBe('rejected-as-expected');
      expect(words.headline).toBe('Rejected, as expected');
      expect(words.verdict).toBeTruthy();
      // Never the happy-path teaching text of any step.
      for (const c of Object.values(STEP_CONTENT)) {
        expect(words.why).not.toBe(c.summary);
      }
      const text = [words.headline, words.actor, words.why, words.verdict].join(
        ' ',
      );
      for (const re of INTERNAL) expect(text).not.toMatch(re);

      // The actor named is the one whose answer decided.
      const f = FAILURE_CONTENT_BY_REVISION[s.revision][s.id];
      if (!f) throw new Error(`no failure words for ${s.label}`);
      const x = decisiveExchange(record);
      if (f.decider.startsWith('toolhive')) {
        expect(x?.actor).toBe('toolhive');
        const backend = record.exchanges.some((e) => e.actor === 'backend');
        expect(backend).toBe(false);
        expect(words.actor).toContain('never called');
      } else if (f.decider === 'authorization-server') {
        expect(x?.actor).toBe('authorization-server');
      } else {
        // The client refused on its own check; no server refused it.
        expect([
          'callback-state',
          'pkce-s256-advertised',
          'as-issuer',
          'authorization-response-iss',
        ]).toContain(failedCheck(record)?.id);
      }
      if (s.id === 'cedar-deny') {
        expect(words.actor).toMatch(/Cedar authorizer/);
        expect(text).not.toMatch(/MCP server refused/);
      }
    },
  );

  it.each(failures.map((s) => [s.label, s] as const))(
    '%s: the failing check shows expected and actual values',
    (_id, s) => {
      const record = run(s).records.find((r) => r.status === 'failed');
      const check = record ? failedCheck(record) : null;
      if (
        !s.expected.failedCheck ||
        s.expected.failedCheck === 'introspection'
      ) {
        return;
      }
      expect(check?.id).toBe(s.expected.failedCheck);
      expect(check?.expected).toBeTruthy();
      expect(check?.actual).toBeTruthy();
      expect(check?.expected).not.toBe(check?.actual);
    },
  );

  it('wrong-audience compares the token aud with the audience ToolHive wants', () => {
    const s = failures.find((f) => f.id === 'wrong-audience');
    const record = s && run(s).records.find((r) => r.status === 'failed');
    const check = record && failedCheck(record);
    expect(check).toMatchObject({
      id: 'aud',
      expected: 'https://mcp.example.com/mcp',
      actual: 'https://other-mcp.example.com/mcp',
    });
  });
});

describe('no deviation is shown for something that did not happen', () => {
  it.each(runs.map((s) => [s.label, s] as const))('%s', (_id, s) => {
    for (const r of run(s).records) {
      for (const d of r.deviations) {
        const toolhive = r.exchanges.filter((x) => x.actor === 'toolhive');
        if (d === 'passthrough-by-default') {
          // The client's token really reached the backend in this step.
          const sent = toolhive.map((x) =>
            headerValue(x.request.headers, 'authorization'),
          );
          const received = r.exchanges
            .filter((x) => x.actor === 'backend')
            .map((x) => headerValue(x.request.headers, 'authorization'));
          expect(received.some((a) => a && sent.includes(a))).toBe(true);
        }
        if (d === 'invalid-request-without-credentials') {
          expect(
            toolhive.some(
              (x) =>
                !headerValue(x.request.headers, 'authorization') &&
                /invalid_request/.test(
                  headerValue(x.response.headers, 'www-authenticate') ?? '',
                ),
            ),
          ).toBe(true);
        }
        if (d === 'authz-403-without-challenge') {
          expect(
            toolhive.some(
              (x) =>
                x.response.status === 403 &&
                !headerValue(x.response.headers, 'www-authenticate'),
            ),
          ).toBe(true);
        }
        if (d === 'jsonrpc-error-code-403') {
          expect(
            toolhive.some((x) => /"code":\s*403/.test(x.response.body ?? '')),
          ).toBe(true);
        }
      }
    }
  });
});

describe('steps of scenarios that succeed', () => {
  it.each(
    runs
      .filter((s) => s.expected.result === 'success')
      .map((s) => [s.label, s] as const),
  )('%s: no step reads as a failure', (_id, s) => {
    for (const r of run(s).records) {
      const words = outcomeWords({
        scenarioId: s.id,
        revision: s.revision,
        expected: s.expected,
        record: r,
        modified: false,
      });
      expect(['done', 'expected-error']).toContain(words.kind);
      // No words about a Cedar decision that was never made.
      if (!r.checks.some((c) => c.id === 'cedar')) {
        expect(words.why, `${s.id} ${r.stepId}`).not.toMatch(
          /Cedar request|asks Cedar/,
        );
      }
      const failed = r.checks.filter((c) => c.status === 'fail');
      if (failed.length > 0) {
        // Either an error answer the flow expects, or the client setting
        // something aside on purpose and saying so.
        const setAside = failed.find((c) => SET_ASIDE[c.id] !== undefined);
        if (setAside) {
          expect(words).toMatchObject({
            kind: 'done',
            why: SET_ASIDE[setAside.id],
          });
        } else {
          expect(words.kind).toBe('expected-error');
        }
      }
    }
  });
});

describe('links to the concept pages', () => {
  const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
  it('every step has a section', () => {
    for (const id of Object.keys(STEP_CONTENT)) {
      expect(conceptLinkFor(id), id).not.toBeNull();
    }
  });
  it('every anchor exists as an explicit heading id', () => {
    for (const l of allConceptLinks()) {
      const file = `${docs}${l.path.replace(/^\//, '')}.mdx`;
      const text = readFileSync(file, 'utf8');
      expect(text, `${l.path}#${l.anchor}`).toContain(`{/* #${l.anchor} */}`);
    }
  });
});

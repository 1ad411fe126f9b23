/* eslint-disable @typescript-eslint/no-non-null-assertion -- a wrong guess fails the test right there, which is what a test wants. */
import { describe, expect, it } from 'vitest';
import {
  AUTHN_DIAGRAM_MESSAGES,
  AUTHZ_DIAGRAM_MESSAGES,
  REFERENCES,
  SCENARIOS,
  STEP_CONTENT,
  authnDiagramSource,
  authzDiagramSource,
  createSimulation,
  listScenarios,
} from '../../../src/simulator';
import { STEPS } from '../../../src/simulator/scenarios/steps';
import { SCENARIO_CONTENT } from '../../../src/simulator/content/scenarios';

describe('diagrams', () => {
  it('generates the authn diagram with accessibility lines, an alt branch and no Cedar', () => {
    const src = authnDiagramSource();
    expect(src.startsWith('sequenceDiagram\n  accTitle: ')).toBe(true);
    expect(src).toContain('\n  accDescr: ');
    expect(src).toMatch(
      /\n {2}alt token valid\n[\s\S]*\n {2}else token invalid\n[\s\S]*\n {2}end\n/,
    );
    expect(src).not.toMatch(/cedar/i);
    for (const m of AUTHN_DIAGRAM_MESSAGES)
      expect(src).toContain(`${m.from}${m.reply ? '-->>' : '->>'}${m.to}`);
  });

  it('generates the authz diagram with permit and deny branches and no discovery', () => {
    const src = authzDiagramSource();
    expect(src).toContain('accTitle: ');
    expect(src).toContain('participant cedar as Cedar');
    expect(src).toMatch(
      /alt a permit policy matches[\s\S]*else no permit or a forbid matches[\s\S]*end/,
    );
    expect(src).not.toMatch(/metadata|register|\bauthorize\b|PKCE/i);
  });

  it('pins both generated diagrams (golden)', () => {
    expect(authnDiagramSource()).toMatchSnapshot();
    expect(authzDiagramSource()).toMatchSnapshot();
  });

  it('keeps mermaid statement separators out of the generated text', () => {
    for (const src of [authnDiagramSource(), authzDiagramSource()])
      expect(src).not.toMatch(/[;#]/);
  });

  it('maps every step to an existing diagram message', () => {
    for (const [id, impl] of Object.entries(STEPS)) {
      const list =
        impl.diagram.diagram === 'authn'
          ? AUTHN_DIAGRAM_MESSAGES
          : AUTHZ_DIAGRAM_MESSAGES;
      expect(
        list.map((m) => m.id),
        id,
      ).toContain(impl.diagram.message);
    }
  });
});

describe('references and teaching content', () => {
  it('pins every link to its canonical form', () => {
    for (const r of Object.values(REFERENCES)) {
      expect(r.url).toMatch(
        /^(https:\/\/github\.com\/stacklok\/toolhive\/blob\/e25de16cf9720b13cf0b400c861a2f6840e2763c\/.+#L\d+(-L\d+)?|https:\/\/modelcontextprotocol\.io\/specification\/2025-11-25\/basic\/(authorization|security_best_practices)#[a-z0-9-]+|https:\/\/modelcontextprotocol\.io\/specification\/2026-07-28\/(basic\/authorization(\/(authorization-server-discovery|client-registration|security-considerations))?|changelog)#[a-z0-9-]+|https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+(#(section|appendix)-[\w.]+)?)$/,
      );
    }
  });

  it('has teaching text for every step and scenario, in sentence case without em dashes', () => {
    expect(Object.keys(STEP_CONTENT).sort()).toEqual(Object.keys(STEPS).sort());
    expect(Object.keys(SCENARIO_CONTENT).sort()).toEqual(
      listScenarios()
        .map((s) => s.id)
        .sort(),
    );
    const texts = [
      ...Object.values(STEP_CONTENT).flatMap((c) => [c.title, c.summary]),
      ...Object.values(SCENARIO_CONTENT).flatMap((c) => [
        c.title,
        c.description,
      ]),
    ];
    for (const t of texts) {
      expect(t).not.toContain('\u2014');
      expect(t[0]).toMatch(/[A-Za-z0-9]/);
    }
  });

  it('gives every scenario a failure location when it expects a failure, naming a step it runs', () => {
    for (const s of SCENARIOS) {
      if (s.expected.result === 'failure')
        expect(s.steps).toContain(s.expected.failedStepId);
    }
  });

  it('labels step-up as spec behaviour that ToolHive v0.44 does not send', async () => {
    const t = await createSimulation({ scenarioId: 'step-up' }).runToEnd();
    expect(
      t.records.find((r) => r.stepId === 'call_tool')?.deviations,
    ).toContain('no-insufficient-scope');
  });

  it('flags passthrough as a deviation and shows the backend saw the client token', async () => {
    const t = await createSimulation({ scenarioId: 'passthrough' }).runToEnd();
    const call = t.records.find((r) => r.stepId === 'call_tool')!;
    expect(call.deviations).toContain('passthrough-by-default');
    const backend = call.exchanges.find((x) => x.actor === 'backend')!;
    const client = call.exchanges.find((x) => x.actor === 'toolhive')!;
    const auth = (h: ReadonlyArray<readonly [string, string]>) =>
      h.find(([n]) => n === 'authorization')?.[1];
    expect(auth(backend.request.headers)).toBe(auth(client.request.headers));
  });
});

import { useState, type ReactNode } from 'react';
import type { StepRecord } from '../engine-port';
import { headerValue } from '@site/src/simulator/format/http-text';
import {
  claimsSeen,
  outlinePolicies,
  type PolicyOutline,
} from '../lib/cedar-view';
import StatusText from './StatusText';
import { policyWords } from '../lib/words';
import controls from '../controls.module.css';
import styles from '../styles.module.css';
import outcome from '../outcome.module.css';

interface CedarDecision {
  status: 'pass' | 'fail' | 'skip';
  detail: string;
  matched: readonly string[];
}

/** The last Cedar verdict and the tools a filtered tools/list returned. */
function cedarSummary(records: readonly StepRecord[]): {
  decision: CedarDecision | null;
  tools: string[] | null;
} {
  let decision: CedarDecision | null = null;
  let tools: string[] | null = null;
  for (const r of records) {
    for (const c of r.checks) {
      if (c.id === 'cedar')
        decision = {
          status: c.status,
          detail: c.detail,
          matched: c.matched ?? [],
        };
    }
    for (const x of r.exchanges) {
      if (x.actor !== 'toolhive' || !x.request.body?.includes('tools/list')) {
        continue;
      }
      const type = headerValue(x.response.headers, 'content-type') ?? '';
      if (!type.includes('json') || !x.response.body) continue;
      try {
        const body = JSON.parse(x.response.body) as {
          result?: { tools?: { name?: string }[] };
        };
        if (body.result?.tools) {
          tools = body.result.tools.map((t) => t.name ?? '?');
        }
      } catch {
        // Not JSON: nothing to list.
      }
    }
  }
  return { decision, tools };
}

/** "✓ permit: the policy on line 11 matched", in one short line. */
function decisionWords(
  d: CedarDecision,
  outline: readonly PolicyOutline[],
): string {
  if (d.status === 'skip') return 'not evaluated';
  const lines = outline
    .filter((p) => d.matched.includes(p.id))
    .map((p) => `line ${p.line}`);
  const by = lines.length
    ? `the policy on ${lines.join(' and ')} matched`
    : 'no policy matched, so Cedar denied by default';
  return d.status === 'pass' ? `✓ permit: ${by}` : `✗ deny: ${by}`;
}

export interface CedarPanelProps {
  idPrefix: string;
  applied: string;
  defaultPolicy: string;
  records: readonly StepRecord[];
  busy: boolean;
  errors: readonly string[];
  onApply: (policy: string) => void;
  /** The step shown, when it is the one the policy decided. */
  step?: StepRecord | null;
}

/** Edit the Cedar policy, re-run to the same step, see permit or deny. */
export default function CedarPanel({
  idPrefix,
  applied,
  defaultPolicy,
  records,
  busy,
  errors,
  onApply,
  step,
}: CedarPanelProps): ReactNode {
  const [draft, setDraft] = useState(applied);
  const { tools } = cedarSummary(records);
  const { decision } = cedarSummary(step ? [step] : records);
  const id = `${idPrefix}-policy`;
  const outline = outlinePolicies(applied);
  const seen = step
    ? claimsSeen(
        step.exchanges.filter((x) => x.actor === 'toolhive').pop() ?? null,
      )
    : null;
  const rows = Math.min(24, Math.max(6, draft.split('\n').length + 1));
  return (
    <section
      className={styles.panel}
      aria-label="Cedar policy"
      data-testid="sim-cedar-panel"
    >
      <h3 className={styles.panelTitle}>
        Cedar policy{step ? ': change it and see this step again' : ''}
      </h3>
      {seen && (
        <div data-testid="sim-cedar-claims">
          <p className={styles.help} style={{ margin: 0 }}>
            The claims the policy sees, from the token sent in this step (as
            attributes of <code>principal</code> and <code>context</code>):
          </p>
          <ul className={outcome.timeList}>
            {seen.map(([k, v]) => (
              <li key={k}>
                {k === 'claim_roles' || k === 'claim_scope' ? (
                  <mark className={outcome.mark}>
                    <code>{k}</code> = <code>{v}</code>
                  </mark>
                ) : (
                  <>
                    <code>{k}</code> = <code>{v}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ol
        className={outcome.timeList}
        aria-label="Policies in force"
        data-testid="sim-cedar-policies"
      >
        {outline.map((p) => {
          const hit = decision?.matched.includes(p.id) ?? false;
          return (
            <li key={p.id} data-policy={p.id} data-matched={hit}>
              {p.effect} on line {p.line}
              {p.name ? `: ${p.name}` : ''}
              {hit ? (
                <strong>
                  {' '}
                  (matched: this policy decided the{' '}
                  {decision?.status === 'pass' ? 'permit' : 'deny'})
                </strong>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className={controls.field}>
        <label htmlFor={id}>Policy ToolHive evaluates</label>
        <textarea
          id={id}
          className={controls.textarea}
          value={draft}
          spellCheck={false}
          rows={rows}
          aria-describedby={`${id}-help`}
          onChange={(e) => setDraft(e.target.value)}
        />
      </div>
      <p id={`${id}-help`} className={styles.help}>
        Applying re-runs the scenario to this step with the new policy; you stay
        here.
      </p>
      <div className={controls.controls}>
        <button
          data-testid="sim-cedar-apply"
          type="button"
          className={controls.button}
          aria-disabled={busy}
          onClick={() => {
            if (!busy) onApply(draft);
          }}
        >
          Apply policy and re-run
        </button>
        <button
          type="button"
          className={controls.button}
          aria-disabled={busy}
          onClick={() => {
            if (busy) return;
            setDraft(defaultPolicy);
            onApply(defaultPolicy);
          }}
        >
          Restore default
        </button>
      </div>
      {errors.length > 0 && (
        <div role="alert" data-testid="sim-policy-error">
          <p className={styles.error}>
            <StatusText status="fail" /> Cedar could not parse the policy:
          </p>
          <pre className={styles.pre}>{errors.join('\n')}</pre>
        </div>
      )}
      <p data-testid="sim-cedar-decision" style={{ margin: '0.5rem 0 0' }}>
        <strong>{step ? 'Decision for this step' : 'Last decision'}:</strong>{' '}
        {errors.length > 0
          ? 'none: the edited policy does not parse, so it was not applied and no decision was made with it.'
          : decision
            ? decisionWords(decision, outline)
            : 'no authorization step has run yet.'}
      </p>
      {errors.length === 0 && decision && (
        <p className={styles.help} data-testid="sim-cedar-request">
          {policyWords(
            decision.detail,
            (id) => outline.find((p) => p.id === id)?.line,
          )}
        </p>
      )}
      {tools && (
        <p data-testid="sim-cedar-tools">
          tools/list returned:{' '}
          {tools.length
            ? tools.map((t) => <code key={t}>{t} </code>)
            : 'no tools'}
        </p>
      )}
    </section>
  );
}

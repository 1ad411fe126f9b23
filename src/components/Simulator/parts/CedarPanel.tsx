import { useState, type ReactNode } from 'react';
import type { StepRecord } from '../engine-port';
import { headerValue } from '@site/src/simulator/format/http-text';
import StatusText from './StatusText';
import styles from '../styles.module.css';

interface CedarDecision {
  status: 'pass' | 'fail' | 'skip';
  detail: string;
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
      if (c.id === 'cedar') decision = { status: c.status, detail: c.detail };
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

export interface CedarPanelProps {
  idPrefix: string;
  applied: string;
  defaultPolicy: string;
  records: readonly StepRecord[];
  busy: boolean;
  errors: readonly string[];
  onApply: (policy: string) => void;
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
}: CedarPanelProps): ReactNode {
  const [draft, setDraft] = useState(applied);
  const { decision, tools } = cedarSummary(records);
  const id = `${idPrefix}-policy`;
  return (
    <section className={styles.panel} aria-label="Cedar policy">
      <h3 className={styles.panelTitle}>Cedar policy</h3>
      <div className={styles.field}>
        <label htmlFor={id}>Policy ToolHive evaluates</label>
        <textarea
          id={id}
          className={styles.textarea}
          value={draft}
          spellCheck={false}
          rows={8}
          aria-describedby={`${id}-help`}
          onChange={(e) => setDraft(e.target.value)}
        />
      </div>
      <p id={`${id}-help`} className={styles.help}>
        Applying re-runs the scenario to the current step with this policy.
      </p>
      <div className={styles.controls}>
        <button
          type="button"
          className={styles.button}
          aria-disabled={busy}
          onClick={() => {
            if (!busy) onApply(draft);
          }}
        >
          Apply policy and re-run
        </button>
        <button
          type="button"
          className={styles.button}
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
      <p data-testid="sim-cedar-decision" style={{ marginTop: '0.5rem' }}>
        Last decision:{' '}
        {decision ? (
          <>
            <StatusText status={decision.status} />{' '}
            {decision.status === 'pass'
              ? 'permit'
              : decision.status === 'fail'
                ? 'deny'
                : 'not evaluated'}
            : {decision.detail}
          </>
        ) : (
          'no authorization step has run yet.'
        )}
      </p>
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

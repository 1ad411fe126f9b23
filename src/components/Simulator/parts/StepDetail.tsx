import type { ReactNode, Ref } from 'react';
import clsx from 'clsx';
import type {
  DeviationView,
  ReferenceView,
  StepRecord,
  StepTeaching,
  StepView,
} from '../engine-port';
import Checks from './Checks';
import Deviations from './Deviations';
import ExchangeView, { ACTOR_NAMES } from './ExchangeView';
import StatusText from './StatusText';
import TokenView from './TokenView';
import { formatInstant } from './ClockPanel';
import styles from '../styles.module.css';

export interface StepDetailProps {
  scenarioId: string;
  step: StepView;
  index: number;
  total: number;
  record: StepRecord | null;
  teaching: StepTeaching | null;
  references: readonly ReferenceView[];
  deviations: readonly DeviationView[];
  headingRef: Ref<HTMLHeadingElement>;
  /** The flow diagram with this step highlighted. */
  diagram?: ReactNode;
}

/** Everything about one step: prose, references, result, tokens, exchanges. */
export default function StepDetail({
  scenarioId,
  step,
  index,
  total,
  record,
  teaching,
  references,
  deviations,
  headingRef,
  diagram,
}: StepDetailProps): ReactNode {
  const failed = record?.status === 'failed';
  return (
    <section
      aria-labelledby="sim-step-heading"
      data-testid="sim-step-detail"
      data-sim-scenario={scenarioId}
      data-sim-step-id={step.id}
      data-sim-step-index={index}
      data-sim-step-status={record?.status ?? 'pending'}
    >
      <h3
        id="sim-step-heading"
        ref={headingRef}
        tabIndex={-1}
        className={styles.detailHeading}
      >
        Step {index + 1} of {total}: {step.title}
      </h3>
      <p className={styles.help}>
        {step.actors.map((a) => ACTOR_NAMES[a] ?? a).join(' → ')}
      </p>
      {record ? (
        <p
          className={clsx(
            styles.outcome,
            failed ? styles.outcomeFail : styles.outcomePass,
          )}
          data-testid="sim-step-outcome"
        >
          <StatusText status={record.status} />: {record.outcome}
          {record.error ? ` (${record.error.message})` : ''}
        </p>
      ) : (
        <p className={styles.outcome} data-testid="sim-step-outcome">
          Not run yet. Press Next to run this step.
        </p>
      )}
      {teaching && (
        <div className={styles.prose}>
          {teaching.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
      {references.length > 0 && (
        <>
          <h4 className={styles.panelTitle}>References</h4>
          <ul className={styles.refs}>
            {references.map((r) => (
              <li key={r.id}>
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {diagram}
      {record && (
        <div
          className={styles.column}
          style={{ marginTop: '0.75rem' }}
          data-testid="sim-step-result"
        >
          <Deviations deviations={deviations} />
          <Checks checks={record.checks} title="Checks" />
          {record.clockEvents && record.clockEvents.length > 0 && (
            <ul className={styles.refs}>
              {record.clockEvents.map((e, i) => (
                <li key={i} data-clock-event={e.kind}>
                  {formatInstant(e.at)}: {e.detail}
                </li>
              ))}
            </ul>
          )}
          {record.tokens.length > 0 && (
            <section aria-label="Tokens">
              <h3 className={styles.panelTitle}>Tokens</h3>
              {record.tokens.map((t, i) => (
                <TokenView
                  key={i}
                  token={t}
                  index={i}
                  exchanges={record.exchanges}
                />
              ))}
            </section>
          )}
          <section aria-label="HTTP exchanges">
            <h3 className={styles.panelTitle}>
              HTTP exchanges ({record.exchanges.length})
            </h3>
            {record.exchanges.length === 0 && (
              <p className={styles.help}>This step sent no HTTP request.</p>
            )}
            {record.exchanges.map((x) => (
              <ExchangeView key={x.id} exchange={x} />
            ))}
          </section>
        </div>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';
import clsx from 'clsx';
import type { CheckVerdict, StepRecord } from '../engine-port';
import type { OutcomeWords } from '../lib/outcome-words';
import {
  decisiveExchange,
  decisiveMarks,
  failedCheck,
  markedLines,
} from '../lib/decisive';
import {
  requestBody,
  requestHead,
  responseBody,
  responseHead,
} from '../lib/http-text';
import { exchangeName } from '../lib/words';
import { ACTOR_NAMES } from './ExchangeView';
import { CHECK_LABELS } from './Checks';
import styles from '../outcome.module.css';

export interface OutcomeProps {
  record: StepRecord;
  words: OutcomeWords;
  /** Scrolls the exchange with this id into view and focuses it. */
  onShowExchange: (exchangeId: string) => void;
}

const ICONS: Record<OutcomeWords['kind'], string> = {
  'rejected-as-expected': '⊘',
  'expected-error': '↩',
  failed: '✗',
  done: '✓',
};

function Compare({
  check,
  expectedRefusal,
}: {
  check: CheckVerdict;
  expectedRefusal: boolean;
}): ReactNode {
  const label = CHECK_LABELS[check.id] ?? 'Check';
  return (
    <div
      className={clsx(
        styles.compare,
        expectedRefusal && styles.compareExpected,
      )}
      data-testid="sim-failed-check"
      data-check-id={check.id}
      data-check-status={check.status}
    >
      <p className={styles.compareTitle}>
        {expectedRefusal ? (
          <>The check that refused it, as the flow expects: {label}</>
        ) : (
          <>
            <span aria-hidden="true">✗ </span>Failing check: {label}
          </>
        )}
      </p>
      {check.expected !== undefined && check.actual !== undefined ? (
        <dl className={styles.compareGrid}>
          <div>
            <dt>Expected</dt>
            <dd data-compare="expected">{check.expected}</dd>
          </div>
          <div>
            <dt>Actual</dt>
            <dd data-compare="actual">{check.actual}</dd>
          </div>
        </dl>
      ) : (
        <p className={styles.compareDetail}>{check.detail}</p>
      )}
    </div>
  );
}

/** The quoted lines that decided the result, with a link to their exchange. */
function Deciding({
  record,
  onShowExchange,
}: Pick<OutcomeProps, 'record' | 'onShowExchange'>): ReactNode {
  const x = decisiveExchange(record);
  if (!x) return null;
  const text = {
    request: requestHead(x.request),
    'request-body': requestBody(x).text,
    response: responseHead(x.response),
    'response-body': responseBody(x).text,
  } as const;
  const lines = decisiveMarks(record).flatMap((m) =>
    markedLines(text[m.part], m.part, m.keys),
  );
  const statusLine = text.response.split('\n')[0] ?? '';
  const name = exchangeName(x.id);
  return (
    <div className={styles.deciding} data-testid="sim-deciding">
      <p className={styles.decidingTitle}>
        Deciding {lines.length ? 'fields' : 'answer'} in {name} (
        {ACTOR_NAMES[x.actor] ?? x.actor} answered):
      </p>
      <pre
        className={styles.decidingPre}
        tabIndex={0}
        aria-label={`Deciding fields of ${name}`}
      >
        {[statusLine, ...lines].join('\n')}
      </pre>
      <button
        type="button"
        className={styles.linkButton}
        onClick={() => onShowExchange(x.id)}
      >
        Show {name} in full
      </button>
    </div>
  );
}

/** "What happened and why": the first thing under a step's status line. */
export default function Outcome({
  record,
  words,
  onShowExchange,
}: OutcomeProps): ReactNode {
  const check = failedCheck(record);
  const showCompare = check && words.kind !== 'done';
  return (
    <section
      aria-label="What happened and why"
      className={clsx(styles.outcome, styles[words.kind])}
      data-testid="sim-outcome"
      data-outcome-kind={words.kind}
    >
      <p className={styles.headline}>
        <span aria-hidden="true">{ICONS[words.kind]} </span>
        {words.headline}
      </p>
      {words.actor && (
        <p className={styles.actor} data-testid="sim-outcome-actor">
          {words.actor}
        </p>
      )}
      {words.why && <p className={styles.why}>{words.why}</p>}
      {showCompare && (
        <Compare
          check={check}
          expectedRefusal={words.kind === 'expected-error'}
        />
      )}
      {words.kind !== 'done' && (
        <Deciding record={record} onShowExchange={onShowExchange} />
      )}
      {words.verdict && (
        <p className={styles.verdict} data-testid="sim-verdict">
          <strong>Scenario verdict:</strong> {words.verdict}
        </p>
      )}
    </section>
  );
}

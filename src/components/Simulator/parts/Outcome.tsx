import type { ReactNode } from 'react';
import clsx from 'clsx';
import type { BackendMode, CheckVerdict, StepRecord } from '../engine-port';
import { ReceiptCard, receiptOf } from './BackendReceived';
import type { OutcomeWords } from '../lib/outcome-words';
import {
  CHECK_CLAIMS,
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
} from '@site/src/simulator/format/http-text';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { TIME_CLAIMS, exchangeName, humanTime } from '../lib/words';
import { ACTOR_NAMES } from './ExchangeView';
import { CHECK_LABELS } from './Checks';
import { COMPARE_LABELS } from '@site/src/simulator/content/outcomes';
import styles from '../outcome.module.css';

export interface OutcomeProps {
  record: StepRecord;
  /** The backend mode in force, for the "what the backend received" card. */
  mode: BackendMode;
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
  const heads = COMPARE_LABELS[check.id] ?? ['Expected', 'Actual'];
  return (
    <div
      className={clsx(
        styles.compare,
        expectedRefusal && styles.compareExpected,
      )}
      data-answer=""
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
            <dt>{heads[0]}</dt>
            <dd data-compare="expected">{check.expected}</dd>
          </div>
          <div>
            <dt>{heads[1]}</dt>
            <dd data-compare="actual">{check.actual}</dd>
          </div>
        </dl>
      ) : (
        <p className={styles.compareDetail}>{check.detail}</p>
      )}
    </div>
  );
}

/** A raw token is cut: the full text is in the exchange below. */
function cut(line: string): string {
  return line.length > 96 && /eyJ|^\s*authorization:/i.test(line)
    ? `${line.slice(0, 72)}… (cut)`
    : line;
}

/** The claims a failing token check read, decoded from the bearer token. */
function claimLines(
  authorization: string | undefined,
  keys: readonly string[],
): string[] {
  if (!authorization?.startsWith('Bearer ') || keys.length === 0) return [];
  try {
    const claims: Record<string, unknown> = {
      ...decodeProtectedHeader(authorization.slice(7)),
      ...decodeJwt(authorization.slice(7)),
    };
    return keys
      .filter((k) => k in claims)
      .map((k) => {
        const v = claims[k];
        const time = TIME_CLAIMS.includes(k as never) && typeof v === 'number';
        return `  token ${k}: ${JSON.stringify(v)}${time ? ` (${humanTime(v as number)})` : ''}`;
      });
  } catch {
    return [];
  }
}

function Lines({ lines }: { lines: readonly string[] }): ReactNode {
  return lines.map((line, i) => (
    <span key={i} data-line="">
      {line}
      {i < lines.length - 1 ? '\n' : ''}
    </span>
  ));
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
  const marks = decisiveMarks(record);
  const pick = (parts: readonly (keyof typeof text)[]): string[] =>
    marks
      .filter((m) => parts.includes(m.part))
      .flatMap((m) => markedLines(text[m.part], m.part, m.keys))
      .map(cut);
  const check = failedCheck(record);
  const auth = x.request.headers.find(([n]) => n === 'authorization')?.[1];
  const sent = [
    text.request.split('\n')[0] ?? '',
    ...pick(['request', 'request-body']),
    ...claimLines(auth, check ? (CHECK_CLAIMS[check.id] ?? []) : []),
  ];
  const answered = [
    text.response.split('\n')[0] ?? '',
    ...pick(['response', 'response-body']),
  ];
  const name = exchangeName(x.id);
  const who = ACTOR_NAMES[x.actor] ?? x.actor;
  return (
    <div className={styles.deciding} data-testid="sim-deciding">
      <p className={styles.decidingTitle}>The deciding fields, from {name}:</p>
      <p className={styles.decidingLabel}>Request to {who}</p>
      <pre
        className={styles.decidingPre}
        tabIndex={0}
        aria-label={`Deciding fields of the request in ${name}`}
      >
        <Lines lines={sent} />
      </pre>
      <p className={styles.decidingLabel}>{who} answered</p>
      <pre
        className={styles.decidingPre}
        tabIndex={0}
        aria-label={`Deciding fields of the response in ${name}`}
        data-testid="sim-deciding-response"
        data-answer=""
      >
        <Lines lines={answered} />
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
  mode,
  onShowExchange,
}: OutcomeProps): ReactNode {
  const check = failedCheck(record);
  const receipt = receiptOf(record);
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
      {receipt && (
        <ReceiptCard
          mode={mode}
          receipt={receipt}
          testId="sim-backend-received-card"
          answer
        />
      )}
      {words.verdict && (
        <p className={styles.verdict} data-testid="sim-verdict">
          <strong>Scenario verdict:</strong> {words.verdict}
        </p>
      )}
    </section>
  );
}

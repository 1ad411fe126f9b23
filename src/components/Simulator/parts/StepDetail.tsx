import { useEffect, useRef, type ReactNode, type Ref } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import type {
  BackendMode,
  DeviationView,
  ReferenceView,
  RevisionNote,
  ScenarioView,
  SpecRevision,
  StepRecord,
  StepView,
} from '../engine-port';
import type { ConceptLink } from '@site/src/simulator/content/concept-links';
import Checks from './Checks';
import Deviations from './Deviations';
import ExchangeView, { ACTOR_NAMES } from './ExchangeView';
import Outcome from './Outcome';
import StatusText from './StatusText';
import TokenView from './TokenView';
import { formatInstant } from './ClockPanel';
import { outcomeWords } from '../lib/outcome-words';
import { CHECK_CLAIMS, decisiveMarks, failedCheck } from '../lib/decisive';
import layout from '../layout.module.css';
import styles from '../styles.module.css';
import outcomeStyles from '../outcome.module.css';

export interface StepDetailProps {
  scenario: ScenarioView;
  step: StepView;
  index: number;
  total: number;
  record: StepRecord | null;
  /** The step's own summary, shown before it runs and when it passes. */
  summary: string | null;
  references: readonly ReferenceView[];
  deviations: readonly DeviationView[];
  headingRef: Ref<HTMLHeadingElement>;
  /** The reader changed the scenario's policy or backend mode. */
  modified: boolean;
  /** The backend mode in force. */
  mode: BackendMode;
  /** The concept page section that explains this step. */
  concept: ConceptLink | null;
  /** Editors that change this step's result, shown beside it. */
  editors?: ReactNode;
  /** The diagram of the run, below the evidence. */
  diagram?: ReactNode;
  /** Bumped after each Next, Back or Run to end: scroll the result into view. */
  revealKey: number;
  /** The spec revision in force, whose expected outcome the words follow. */
  revision: SpecRevision;
  /** What the other revision does differently at this step, if anything. */
  revisionNote?: (RevisionNote & { other: SpecRevision }) | null;
}

/**
 * Scrolls as little as needed so the step's answer (the elements marked
 * data-answer, else the outcome) is on screen between the navbar and the
 * phone's bottom bar, keeping the step heading in view when it fits.
 */
function revealAnswer(el: HTMLElement): void {
  const bar = document.querySelector('[data-sim-bottom-bar]');
  const bottom =
    bar && getComputedStyle(bar).display !== 'none'
      ? bar.getBoundingClientRect().top
      : window.innerHeight;
  const nav = document.querySelector('.navbar')?.getBoundingClientRect();
  const top = (nav ? nav.bottom : 0) + 8;
  const answers = [...el.querySelectorAll('[data-answer]')];
  const parts = answers.length ? answers : [el];
  const first = parts[0]?.getBoundingClientRect();
  const last = parts[parts.length - 1]?.getBoundingClientRect();
  const head = el.getBoundingClientRect();
  if (!first || !last) return;
  let dy = 0;
  if (head.top < top || head.top > bottom - 80) dy = head.top - top;
  // Still below the fold: scroll the answer up, but never past its start.
  if (last.bottom - dy > bottom - 8) {
    dy = Math.min(last.bottom - (bottom - 8), first.top - top);
  }
  if (dy !== 0) window.scrollBy({ top: dy, behavior: 'instant' });
}

function showExchange(id: string): void {
  const el = document.getElementById(`sim-exchange-${id}`);
  if (!el) return;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
}

/** Everything about one step: outcome first, then the evidence, then sources. */
export default function StepDetail({
  scenario,
  step,
  index,
  total,
  record,
  summary,
  references,
  deviations,
  headingRef,
  modified,
  mode,
  concept,
  editors,
  diagram,
  revealKey,
  revision,
  revisionNote,
}: StepDetailProps): ReactNode {
  const failed = record?.status === 'failed';
  const outcomeRef = useRef<HTMLDivElement>(null);
  const words = record
    ? outcomeWords({
        scenarioId: scenario.id,
        revision,
        expected: scenario.expectedByRevision[revision],
        record,
        modified,
      })
    : null;
  const marks = record ? decisiveMarks(record) : [];
  const check = record ? failedCheck(record) : null;
  const claimKeys = check ? [...(CHECK_CLAIMS[check.id] ?? [])] : [];
  const now = record ? Date.parse(record.endedAt) / 1000 : undefined;

  // After a step runs, bring its result into view if it is not (phones).
  useEffect(() => {
    if (revealKey === 0) return;
    const el = outcomeRef.current;
    if (!el) return;
    revealAnswer(el);
  }, [revealKey]);

  return (
    <section
      aria-labelledby="sim-step-heading"
      data-testid="sim-step-detail"
      data-sim-scenario={scenario.id}
      data-sim-step-id={step.id}
      data-sim-step-index={index}
      data-sim-step-status={record?.status ?? 'pending'}
    >
      <div ref={outcomeRef} className={outcomeStyles.anchor}>
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
        {record && words ? (
          <Outcome
            record={record}
            mode={mode}
            words={words}
            onShowExchange={showExchange}
          />
        ) : (
          summary && (
            <div className={styles.prose}>
              <p>{summary}</p>
            </div>
          )
        )}
      </div>
      {record && (
        <Checks
          checks={record.checks}
          title="Checks"
          collapsed={{
            omit: words?.kind === 'done' ? null : check,
            refusalExpected: record.status === 'done',
          }}
        />
      )}
      {revisionNote && (
        <p className={styles.revisionNote} data-testid="sim-revision-note">
          <span className={styles.revisionMark} aria-hidden="true">
            ≠
          </span>{' '}
          <strong>Differs under {revisionNote.other}.</strong>{' '}
          {revisionNote.sentence}
          {revisionNote.reference && (
            <>
              {' '}
              See{' '}
              <a
                href={revisionNote.reference.url}
                target="_blank"
                rel="noopener noreferrer"
              >
                {revisionNote.reference.title}
              </a>
              .
            </>
          )}
        </p>
      )}
      {concept && (
        <p className={outcomeStyles.conceptLink} data-testid="sim-concept-link">
          Explained on the concept page:{' '}
          <Link to={`${concept.path}#${concept.anchor}`}>{concept.label}</Link>
        </p>
      )}
      {editors}
      {record && (
        <div
          className={layout.column}
          style={{ marginTop: '0.75rem' }}
          data-testid="sim-step-result"
        >
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
                  highlight={claimKeys}
                  now={now}
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
              <ExchangeView key={x.id} exchange={x} marks={marks} />
            ))}
          </section>
          <Deviations deviations={deviations} />
        </div>
      )}
      {diagram}
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
    </section>
  );
}

import type { ReactNode } from 'react';
import clsx from 'clsx';
import type { StepRecord, StepView } from '../engine-port';
import StatusText, { type StatusWord } from './StatusText';
import stepsCss from '../steps.module.css';
import styles from '../styles.module.css';

export interface StepListProps {
  steps: readonly StepView[];
  records: readonly StepRecord[];
  cursor: number;
  finished: boolean;
  /** Index of the record shown in the detail panel. */
  viewed: number | null;
  onView: (index: number) => void;
  /** Ids of the steps that behave differently under `otherRevision`. */
  differing: ReadonlySet<string>;
  otherRevision: string;
}

function statusOf(
  index: number,
  records: readonly StepRecord[],
  cursor: number,
  finished: boolean,
): StatusWord {
  const record = records[index];
  if (record) return record.status;
  if (index === cursor && !finished) return 'current';
  return 'pending';
}

/**
 * The scenario's steps with their status (icon + word). Steps that have run
 * are buttons that show that step's details; this list is also the text
 * alternative to the diagram.
 */
export default function StepList({
  steps,
  records,
  cursor,
  finished,
  viewed,
  onView,
  differing,
  otherRevision,
}: StepListProps): ReactNode {
  return (
    <nav aria-label="Steps">
      <h3 className={styles.panelTitle}>Steps</h3>
      <ol className={stepsCss.steps} data-testid="sim-steps">
        {steps.map((step, index) => {
          const status = statusOf(index, records, cursor, finished);
          const isViewed = viewed === index;
          return (
            <li
              key={step.id}
              className={stepsCss.step}
              data-step-id={step.id}
              data-step-status={status}
              data-step-differs={differing.has(step.id) ? 'true' : undefined}
            >
              <button
                type="button"
                className={clsx(
                  stepsCss.stepButton,
                  isViewed && stepsCss.stepViewed,
                )}
                disabled={!records[index]}
                aria-current={isViewed ? 'step' : undefined}
                onClick={() => onView(index)}
              >
                <span aria-hidden="true">{index + 1}.</span>
                <span>
                  <span className={styles.visuallyHidden}>
                    Step {index + 1}:{' '}
                  </span>
                  {step.title}
                  {differing.has(step.id) && (
                    <>
                      {' '}
                      <span className={styles.revisionMark} aria-hidden="true">
                        ≠
                      </span>
                      <span className={styles.visuallyHidden}>
                        {' '}
                        (differs under {otherRevision})
                      </span>
                    </>
                  )}
                </span>
                <StatusText status={status} />
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

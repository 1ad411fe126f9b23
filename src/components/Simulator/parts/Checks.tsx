import type { ReactNode } from 'react';
import type { CheckVerdict } from '../engine-port';
import { CHECK_LABELS as CHECK_ID_LABELS } from '@site/src/simulator/content/labels';
import StatusText from './StatusText';
import styles from '../styles.module.css';

/** Reader-facing names of the engine's check ids (kept with the engine's text). */
export const CHECK_LABELS: Readonly<Record<string, string>> = CHECK_ID_LABELS;

export interface ChecksProps {
  checks: readonly CheckVerdict[];
  /** Heading text, for example "ToolHive's checks". */
  title: string;
  headingLevel?: 3 | 4;
}

export default function Checks({
  checks,
  title,
  headingLevel = 3,
}: ChecksProps): ReactNode {
  if (checks.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-label={title}>
      <Heading className={styles.panelTitle}>{title}</Heading>
      <ul className={styles.checks}>
        {checks.map((check, i) => (
          <li
            key={`${check.id}-${i}`}
            className={styles.check}
            data-check-id={check.id}
            data-check-status={check.status}
          >
            <span className={styles.checkId} title={check.id}>
              {CHECK_LABELS[check.id] ?? check.id}
            </span>
            <StatusText status={check.status} />
            <span className={styles.checkDetail}>{check.detail}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { memo, type ReactNode } from 'react';
import type { CheckVerdict } from '../engine-port';
import { CHECK_LABELS as CHECK_ID_LABELS } from '@site/src/simulator/content/labels';
import StatusText from './StatusText';
import { sameFields } from '../lib/same';
import { policyWords } from '../lib/words';
import styles from '../styles.module.css';
import outcome from '../outcome.module.css';

/** Reader-facing names of the engine's check ids (kept with the engine's text). */
export const CHECK_LABELS: Readonly<Record<string, string>> = CHECK_ID_LABELS;

interface ChecksProps {
  checks: readonly CheckVerdict[];
  /** Heading text, for example "ToolHive's checks". */
  title: string;
  headingLevel?: 3 | 4;
  /**
   * Collapse to one line ("9 passed, 2 not reached"); the list opens on
   * demand. A check shown elsewhere (the failing one) is left out.
   */
  collapsed?: { omit: CheckVerdict | null; refusalExpected: boolean };
}

function CheckItem({
  check,
  refusalExpected,
}: {
  check: CheckVerdict;
  refusalExpected: boolean;
}): ReactNode {
  return (
    <li
      className={styles.check}
      data-check-id={check.id}
      data-check-status={check.status}
    >
      <span className={styles.checkId}>
        {CHECK_LABELS[check.id] ?? check.id}
      </span>
      <StatusText
        status={
          check.status === 'fail' && refusalExpected ? 'refused' : check.status
        }
      />
      <span className={styles.checkDetail}>{policyWords(check.detail)}</span>
    </li>
  );
}

function count(checks: readonly CheckVerdict[], status: string): number {
  return checks.filter((c) => c.status === status).length;
}

function Checks({
  checks,
  title,
  headingLevel = 3,
  collapsed,
}: ChecksProps): ReactNode {
  if (checks.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  if (collapsed) {
    const rest = checks.filter((c) => c !== collapsed.omit);
    const parts = [
      `${count(checks, 'pass')} passed`,
      count(rest, 'fail') ? `${count(rest, 'fail')} refused` : '',
      count(checks, 'skip') ? `${count(checks, 'skip')} skipped` : '',
    ].filter(Boolean);
    return (
      <details className={outcome.checksLine} data-testid="sim-checks">
        <summary>
          {title}: {parts.join(', ')}
        </summary>
        <ul className={styles.checks}>
          {rest.map((check, i) => (
            <CheckItem
              key={`${check.id}-${i}`}
              check={check}
              refusalExpected={collapsed.refusalExpected}
            />
          ))}
        </ul>
      </details>
    );
  }
  return (
    <section aria-label={title}>
      <Heading className={styles.panelTitle}>{title}</Heading>
      <ul className={styles.checks}>
        {checks.map((check, i) => (
          <CheckItem
            key={`${check.id}-${i}`}
            check={check}
            refusalExpected={false}
          />
        ))}
      </ul>
    </section>
  );
}

/** Memoised: a record's verdicts never change once recorded. */
export default memo(
  Checks,
  (a, b) =>
    a.checks === b.checks &&
    a.title === b.title &&
    a.headingLevel === b.headingLevel &&
    sameFields(a.collapsed, b.collapsed),
);

import { useState, type ReactNode } from 'react';
import {
  SPEC_REVISIONS,
  type SpecRevision,
} from '@site/src/simulator/engine/types';
import controls from '../controls.module.css';
import styles from '../styles.module.css';

/** What each revision stands for, in the reader's terms. */
const REVISION_LABELS: Readonly<Record<SpecRevision, string>> = {
  '2025-11-25': '2025-11-25 (ToolHive v0.44 and most clients)',
  '2026-07-28': '2026-07-28 (latest)',
};

/** The other revision, whose differences each step describes. */
export function otherRevision(revision: SpecRevision): SpecRevision {
  return revision === '2026-07-28' ? '2025-11-25' : '2026-07-28';
}

export interface RevisionSwitchProps {
  value: SpecRevision;
  busy: boolean;
  idPrefix: string;
  onChange: (revision: SpecRevision) => void;
}

/**
 * The MCP spec revision the client and the authorization server follow, as a
 * radio group; choosing one re-runs the scenario under it. ToolHive stays
 * v0.44 under both.
 */
export default function RevisionSwitch({
  value,
  busy,
  idPrefix,
  onChange,
}: RevisionSwitchProps): ReactNode {
  // The reader's choice shows at once, while the scenario re-runs with it.
  const [pending, setPending] = useState<{
    from: SpecRevision;
    to: SpecRevision;
  } | null>(null);
  const shown = pending && pending.from === value ? pending.to : value;
  return (
    <div className={controls.field}>
      <fieldset
        className={styles.radios}
        data-testid="sim-revision"
        aria-describedby={`${idPrefix}-revision-help`}
      >
        <legend>Spec revision</legend>
        {SPEC_REVISIONS.map((r) => (
          <label key={r}>
            <input
              type="radio"
              name={`${idPrefix}-revision`}
              value={r}
              checked={shown === r}
              onChange={() => {
                if (busy) return;
                setPending({ from: value, to: r });
                onChange(r);
              }}
            />{' '}
            {REVISION_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <p id={`${idPrefix}-revision-help`} className={styles.help}>
        The revision your client and the authorization server follow. ToolHive
        stays v0.44 under both. Steps marked ≠ behave differently under{' '}
        {otherRevision(shown)}.
      </p>
    </div>
  );
}

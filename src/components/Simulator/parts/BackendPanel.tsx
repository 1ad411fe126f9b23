import { useState, type ReactNode } from 'react';
import type { BackendMode, StepRecord } from '../engine-port';
import { headerValue } from '@site/src/simulator/format/http-text';
import { BACKEND_MODE_LABELS } from '@site/src/simulator/content/labels';
import styles from '../styles.module.css';

export { BACKEND_MODE_LABELS };

/** The Authorization header of the last request the backend received. */
function lastBackendAuthorization(
  records: readonly StepRecord[],
): { exchangeId: string; authorization: string | null } | null {
  for (let r = records.length - 1; r >= 0; r -= 1) {
    const exchanges = records[r]?.exchanges ?? [];
    for (let i = exchanges.length - 1; i >= 0; i -= 1) {
      const x = exchanges[i];
      if (x?.actor === 'backend') {
        return {
          exchangeId: x.id,
          authorization:
            headerValue(x.request.headers, 'authorization') ?? null,
        };
      }
    }
  }
  return null;
}

export interface BackendPanelProps {
  idPrefix: string;
  mode: BackendMode;
  busy: boolean;
  records: readonly StepRecord[];
  onChange: (mode: BackendMode) => void;
}

export default function BackendPanel({
  idPrefix,
  mode,
  busy,
  records,
  onChange,
}: BackendPanelProps): ReactNode {
  const received = lastBackendAuthorization(records);
  // The reader's choice shows at once, while the scenario re-runs with it.
  const [pending, setPending] = useState<{
    from: BackendMode;
    to: BackendMode;
  } | null>(null);
  const shown = pending && pending.from === mode ? pending.to : mode;
  return (
    <section className={styles.panel} aria-label="Backend authentication">
      <fieldset className={styles.radios}>
        <legend>How ToolHive calls the backend</legend>
        {(Object.keys(BACKEND_MODE_LABELS) as BackendMode[]).map((m) => (
          <label key={m}>
            <input
              type="radio"
              name={`${idPrefix}-backend-mode`}
              value={m}
              checked={shown === m}
              onChange={() => {
                if (busy) return;
                setPending({ from: mode, to: m });
                onChange(m);
              }}
            />{' '}
            {BACKEND_MODE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      <p className={styles.help} data-testid="sim-backend-received">
        {received
          ? received.authorization
            ? `The backend received (${received.exchangeId}): Authorization: ${received.authorization}`
            : `The backend received no Authorization header (${received.exchangeId}).`
          : 'No request has reached the backend yet.'}
      </p>
    </section>
  );
}

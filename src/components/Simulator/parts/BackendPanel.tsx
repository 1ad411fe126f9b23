import { useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import type { BackendMode, EnginePort, StepRecord } from '../engine-port';
import { BACKEND_MODE_LABELS } from '@site/src/simulator/content/labels';
import type { SimConfig } from '../useSimulator';
import type { ClockMove } from '../lib/url-state';
import { headerValue } from '@site/src/simulator/format/http-text';
import { exchangeName } from '../lib/words';
import { BACKEND_MODES_LINK } from '@site/src/simulator/content/concept-links';
import { CompareModes, ReceiptCard, receiptOf } from './BackendReceived';
import styles from '../styles.module.css';

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

/** `Bearer eyJhbGciOi…Unxu3Q`: enough to tell two tokens apart. */
function shorten(authorization: string): string {
  return authorization.length > 48
    ? `${authorization.slice(0, 24)}…${authorization.slice(-10)}`
    : authorization;
}

export interface BackendPanelProps {
  idPrefix: string;
  mode: BackendMode;
  busy: boolean;
  records: readonly StepRecord[];
  onChange: (mode: BackendMode) => void;
  engine: EnginePort;
  config: SimConfig;
  /** The reader's clock moves, for the side-by-side run. */
  clockMoves: readonly ClockMove[];
  /** The step shown and its index, when it reached the backend. */
  step?: { record: StepRecord; index: number } | null;
}

export default function BackendPanel({
  idPrefix,
  mode,
  busy,
  records,
  onChange,
  engine,
  config,
  clockMoves,
  step,
}: BackendPanelProps): ReactNode {
  const received = lastBackendAuthorization(step ? [step.record] : records);
  const receipt = receiptOf(step?.record);
  // The reader's choice shows at once, while the scenario re-runs with it.
  const [pending, setPending] = useState<{
    from: BackendMode;
    to: BackendMode;
  } | null>(null);
  const shown = pending && pending.from === mode ? pending.to : mode;
  return (
    <section
      className={styles.panel}
      aria-label="Backend authentication"
      data-testid="sim-backend-panel"
    >
      <fieldset className={styles.radios} data-testid="sim-backend-modes">
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
            ? `The backend received (${exchangeName(received.exchangeId)}): Authorization: ${shorten(received.authorization)}`
            : `The backend received no Authorization header (${exchangeName(received.exchangeId)}).`
          : 'No request has reached the backend yet.'}
      </p>
      {step && receipt && (
        <CompareModes
          engine={engine}
          config={config}
          mode={mode}
          steps={step.index + 1}
          clockMoves={clockMoves}
          stepIndex={step.index}
          busy={busy}
          current={
            <ReceiptCard
              mode={mode}
              receipt={receipt}
              testId="sim-backend-card"
            />
          }
        />
      )}
      <p className={styles.help}>
        Explained on the concept pages:{' '}
        <Link to={`${BACKEND_MODES_LINK.path}#${BACKEND_MODES_LINK.anchor}`}>
          {BACKEND_MODES_LINK.label}
        </Link>
      </p>
    </section>
  );
}

import { useState, type ReactNode } from 'react';
import { decodeJwt } from 'jose';
import type { BackendMode, EnginePort, StepRecord } from '../engine-port';
import type { SimConfig } from '../useSimulator';
import { formatClockMoves, type ClockMove } from '../lib/url-state';
import { headerValue } from '@site/src/simulator/format/http-text';
import { exchangeName, humanTime } from '../lib/words';
import controls from '../controls.module.css';
import styles from '../styles.module.css';
import outcome from '../outcome.module.css';

export const MODE_NAMES: Readonly<Record<BackendMode, string>> = {
  passthrough: 'Passthrough',
  'token-exchange': 'Token exchange',
  'upstream-swap': 'Upstream token swap',
  'strip-auth': 'Strip Authorization',
};

export interface Receipt {
  exchangeId: string;
  authorization: string | null;
  claims: Record<string, unknown> | null;
}

/** What the backend received in one step: its last request's credentials. */
export function receiptOf(
  record: StepRecord | null | undefined,
): Receipt | null {
  const x = record?.exchanges.filter((e) => e.actor === 'backend').pop();
  if (!x) return null;
  const authorization = headerValue(x.request.headers, 'authorization') ?? null;
  let claims: Record<string, unknown> | null = null;
  if (authorization?.startsWith('Bearer ')) {
    try {
      claims = decodeJwt(authorization.slice('Bearer '.length));
    } catch {
      claims = null;
    }
  }
  return { exchangeId: x.id, authorization, claims };
}

const SHOWN = ['aud', 'iss', 'sub', 'azp', 'scope', 'exp'] as const;

/** One decoded card: header present or not, and the claims that matter. */
export function ReceiptCard({
  mode,
  receipt,
  testId,
  answer = false,
}: {
  mode: BackendMode;
  receipt: Receipt;
  testId?: string;
  /** Part of the step's answer: kept in view after the step runs. */
  answer?: boolean;
}): ReactNode {
  return (
    <div
      className={styles.panel}
      data-testid={testId}
      data-mode={mode}
      data-answer={answer ? '' : undefined}
    >
      <p className={outcome.compareTitle} style={{ margin: 0 }}>
        {MODE_NAMES[mode]}: what the backend received (
        {exchangeName(receipt.exchangeId)})
      </p>
      {receipt.authorization === null ? (
        <p style={{ margin: 0 }}>
          No Authorization header: ToolHive removed the credentials.
        </p>
      ) : receipt.claims ? (
        <dl className={outcome.compareGrid} style={{ marginTop: '0.25rem' }}>
          {SHOWN.filter((k) => receipt.claims?.[k] !== undefined).map((k) => {
            const v = receipt.claims?.[k];
            return (
              <div key={k}>
                <dt>{k}</dt>
                <dd>
                  {k === 'exp' && typeof v === 'number'
                    ? humanTime(v)
                    : typeof v === 'string'
                      ? v
                      : JSON.stringify(v)}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <p style={{ margin: 0 }}>
          An opaque bearer token (not a JWT), so there are no claims to decode.
        </p>
      )}
    </div>
  );
}

export interface CompareModesProps {
  engine: EnginePort;
  config: SimConfig;
  mode: BackendMode;
  /** Steps run so far: the compared run stops at the same step. */
  steps: number;
  /** The reader's clock moves, made at the same points in the compared run. */
  clockMoves: readonly ClockMove[];
  stepIndex: number;
  busy: boolean;
  /** The card of the mode in force, shown on the left. */
  current: ReactNode;
}

/** Runs the same steps with another mode and shows both cards side by side. */
export function CompareModes({
  engine,
  config,
  mode,
  steps,
  clockMoves,
  stepIndex,
  busy,
  current,
}: CompareModesProps): ReactNode {
  const others = (Object.keys(MODE_NAMES) as BackendMode[]).filter(
    (m) => m !== mode,
  );
  const [other, setOther] = useState<BackendMode>(others[0] ?? 'strip-auth');
  const [result, setResult] = useState<{
    key: string;
    mode: BackendMode;
    receipt: Receipt | null;
  } | null>(null);
  const [running, setRunning] = useState(false);
  const key = `${config.scenarioId}|${config.revision ?? ''}|${config.policy}|${mode}|${steps}|${stepIndex}|${formatClockMoves(clockMoves)}`;
  const shown = result && result.key === key ? result : null;
  return (
    <div data-testid="sim-backend-compare">
      <div className={controls.controls}>
        <label className={styles.help}>
          Compare with{' '}
          <select
            className={controls.select}
            value={others.includes(other) ? other : others[0]}
            onChange={(e) => setOther(e.target.value as BackendMode)}
          >
            {others.map((m) => (
              <option key={m} value={m}>
                {MODE_NAMES[m]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={controls.button}
          aria-disabled={busy || running}
          onClick={() => {
            if (busy || running) return;
            const pick = others.includes(other) ? other : others[0];
            if (!pick) return;
            setRunning(true);
            void engine
              .runDetached({ ...config, backendMode: pick }, steps, clockMoves)
              .then((records) =>
                setResult({
                  key,
                  mode: pick,
                  receipt: receiptOf(records[stepIndex]),
                }),
              )
              .finally(() => setRunning(false));
          }}
        >
          Show side by side
        </button>
      </div>
      <div className={outcome.sideBySide}>
        {current}
        {!shown && (
          <p className={outcome.placeholderCard}>
            {running
              ? 'Running the same steps with the other mode…'
              : 'Pick a mode above and press “Show side by side” to see what the backend would receive with it.'}
          </p>
        )}
        {shown && (
          <div data-testid="sim-backend-compare-result">
            {shown.receipt ? (
              <ReceiptCard mode={shown.mode} receipt={shown.receipt} />
            ) : (
              <p className={styles.help}>
                With {MODE_NAMES[shown.mode]}, this step did not reach the
                backend.
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

import type { ReactNode } from 'react';
import { decodeJwt } from 'jose';
import type { StepRecord } from '../engine-port';
import { LANE_NAMES, layoutRun } from '../lib/run-diagram';
import { runState } from '../lib/state-view';
import { formatInstant } from '../lib/format-time';
import { TimeClaims } from './TokenView';
import styles from '../styles.module.css';
import outcome from '../outcome.module.css';

export interface RunLogProps {
  records: readonly StepRecord[];
  titles: readonly string[];
  /** Simulated now, Unix seconds, for the token's times. */
  now: number;
  onOpen: (exchangeId: string, stepIndex: number) => void;
}

function Row({ name, value }: { name: string; value: ReactNode }): ReactNode {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{value ?? 'not yet'}</dd>
    </div>
  );
}

/** Every request so far in one list, and the state the run has built. */
export default function RunLog({
  records,
  titles,
  now,
  onOpen,
}: RunLogProps): ReactNode {
  const { arrows } = layoutRun(records, titles);
  const s = runState(records);
  let claims: Record<string, unknown> | null = null;
  try {
    claims = s.accessToken ? decodeJwt(s.accessToken) : null;
  } catch {
    claims = null;
  }
  return (
    <>
      <details className={styles.details} data-testid="sim-run-log">
        <summary>Running log: {arrows.length} requests so far</summary>
        <ol className={outcome.timeList}>
          {arrows.map((a) => (
            <li key={a.exchangeId} data-log={a.exchangeId}>
              <button
                type="button"
                className={outcome.linkButton}
                onClick={() => onOpen(a.exchangeId, a.stepIndex)}
              >
                {a.number}. {LANE_NAMES[a.from]} → {LANE_NAMES[a.to]}: {a.label}
                , {a.status}
                {a.look === 'failed' ? ' (the failure)' : ''}
              </button>
            </li>
          ))}
        </ol>
      </details>
      <details className={styles.details} data-testid="sim-state">
        <summary>State so far: client, token, key cache, Cedar</summary>
        <dl className={outcome.compareGrid} style={{ marginTop: '0.5rem' }}>
          <Row name="Client ID" value={s.clientId} />
          <Row name="state sent" value={s.state} />
          <Row name="PKCE code_challenge (S256)" value={s.codeChallenge} />
          <Row name="PKCE code_verifier" value={s.codeVerifier} />
          <Row
            name="ToolHive's key cache"
            value={
              s.keyCache
                ? `${s.keyCache.kids.join(', ')} (fetched ${formatInstant(s.keyCache.at)})`
                : null
            }
          />
          <Row name="Last Cedar request" value={s.cedar?.detail ?? null} />
        </dl>
        <p className={styles.help} style={{ margin: '0.5rem 0 0' }}>
          Current access token:{' '}
          {s.accessToken ? (claims ? '' : 'opaque (not a JWT)') : 'none yet'}
        </p>
        {claims && (
          <>
            <pre className={styles.pre}>{JSON.stringify(claims, null, 2)}</pre>
            <TimeClaims claims={claims} now={now} />
          </>
        )}
      </details>
    </>
  );
}

import { memo, type ReactNode } from 'react';
import { decodeJwt } from 'jose';
import type { StepRecord } from '../engine-port';
import { LANE_NAMES, layoutRun, type Arrow } from '../lib/run-diagram';
import { sameFields, sameItems } from '../lib/same';
import { runState } from '../lib/state-view';
import { formatInstant } from '../lib/format-time';
import { TimeClaims } from './TokenView';
import styles from '../styles.module.css';
import outcome from '../outcome.module.css';

interface RunLogProps {
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

/** One request of the log; memoised, so a step renders only its own. */
const LogItem = memo(
  function LogItem({
    arrow: a,
    onOpen,
  }: {
    arrow: Arrow;
    onOpen: RunLogProps['onOpen'];
  }): ReactNode {
    return (
      <li data-log={a.exchangeId}>
        <button
          type="button"
          className={outcome.linkButton}
          onClick={() => onOpen(a.exchangeId, a.stepIndex)}
        >
          {a.number}. {LANE_NAMES[a.from]} → {LANE_NAMES[a.to]}: {a.label},{' '}
          {a.status}
          {a.look === 'failed' ? ' (the failure)' : ''}
        </button>
      </li>
    );
  },
  (a, b) => a.onOpen === b.onOpen && sameFields(a.arrow, b.arrow),
);

/** Every request so far in one list, and the state the run has built. */
function RunLog({ records, titles, now, onOpen }: RunLogProps): ReactNode {
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
            <LogItem key={a.exchangeId} arrow={a} onOpen={onOpen} />
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

/** Memoised: renders again only when the run or the simulated time moved. */
export default memo(
  RunLog,
  (a, b) =>
    a.now === b.now &&
    a.onOpen === b.onOpen &&
    sameItems(a.records, b.records) &&
    sameItems(a.titles, b.titles),
);

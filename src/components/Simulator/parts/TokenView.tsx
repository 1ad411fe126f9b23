import { memo, type ReactNode } from 'react';
import type { Exchange } from '@site/src/simulator/engine/types';
import type { DecodedToken } from '../engine-port';
import { jsonText } from '@site/src/simulator/format/http-text';
import outcome from '../outcome.module.css';
import {
  TIME_CLAIMS,
  exchangeName,
  humanTime,
  relativeTime,
} from '../lib/words';
import { MarkedText } from './ExchangeView';
import { sameItems } from '../lib/same';
import CopyButton from './CopyButton';
import styles from '../styles.module.css';

const ROLE_NAMES: Readonly<Record<DecodedToken['role'], string>> = {
  'access-token': 'Access token',
  'exchanged-token': 'Backend token from token exchange',
  'upstream-token': 'Upstream identity provider token',
  pasted: 'Token',
};

/** "Access token issued in exchange 6", "Token sent in exchange 13". */
function tokenLabel(
  token: DecodedToken,
  carrier: Exchange | undefined,
): string {
  const base = ROLE_NAMES[token.role] ?? 'Token';
  if (!carrier) return token.role === 'pasted' ? 'Your token' : base;
  const issued = carrier.response.body?.includes(token.raw) ?? false;
  return `${base} ${issued ? 'issued' : 'sent'} in ${exchangeName(carrier.id)}`;
}

/** The time claims of a token in human form, relative to `now`. */
export function TimeClaims({
  claims,
  now,
}: {
  claims: Record<string, unknown> | null;
  now?: number;
}): ReactNode {
  const times = TIME_CLAIMS.flatMap((k) => {
    const v = claims?.[k];
    return typeof v === 'number' ? [[k, v] as const] : [];
  });
  if (times.length === 0) return null;
  return (
    <ul className={outcome.timeList} aria-label="Times in the token">
      {times.map(([k, v]) => (
        <li key={k}>
          <code>{k}</code> {humanTime(v)}
          {now !== undefined ? ` (${relativeTime(v - now)})` : ''}
        </li>
      ))}
    </ul>
  );
}

/** The exchange whose request or response carries this token, if any. */
function exchangeCarrying(
  token: DecodedToken,
  exchanges: readonly Exchange[],
): Exchange | undefined {
  if (token.raw.length < 8) return undefined;
  return exchanges.find(
    (x) =>
      x.response.body?.includes(token.raw) ||
      x.request.body?.includes(token.raw) ||
      x.request.headers.some(([, v]) => v.includes(token.raw)),
  );
}

interface TokenViewProps {
  token: DecodedToken;
  index: number;
  exchanges?: readonly Exchange[];
  /** Claim or header names to highlight (what the failing check read). */
  highlight?: readonly string[];
  /** Simulated now, in Unix seconds, for "in 59 min". */
  now?: number;
}

/** Raw token beside its decoded header and claims (text only, never HTML). */
function TokenView({
  token,
  index,
  exchanges = [],
  highlight = [],
  now,
}: TokenViewProps): ReactNode {
  const carrier = exchangeCarrying(token, exchanges);
  const label = tokenLabel(token, carrier);
  const header = jsonText(token.header);
  const claims = jsonText(token.claims);
  const common = {
    'data-token-index': index,
    'data-token-role': token.role,
    'data-exchange-id': carrier?.id,
  };
  return (
    <section
      className={styles.panel}
      aria-label={`${label} ${index + 1}`}
      data-token={index}
    >
      <h4 className={styles.panelTitle}>{label}</h4>
      <div className={styles.tokenGrid}>
        <div>
          <div className={styles.partHeader}>
            <span>Raw token</span>
            <CopyButton
              text={token.raw}
              label="Copy"
              ariaLabel={`Copy raw ${label.toLowerCase()}`}
            />
          </div>
          <pre
            className={styles.pre}
            data-token-part="raw"
            tabIndex={0}
            aria-label={`Raw ${label.toLowerCase()}`}
            {...common}
          >
            {token.raw}
          </pre>
        </div>
        <div>
          <div className={styles.partHeader}>
            <span>Decoded header</span>
          </div>
          <pre
            className={styles.pre}
            data-exchange-part="token-header"
            tabIndex={0}
            aria-label={`Decoded header of the ${label.toLowerCase()}`}
            {...common}
          >
            <MarkedText text={header} part="response-body" keys={highlight} />
          </pre>
          <div className={styles.partHeader}>
            <span>Decoded claims</span>
          </div>
          <pre
            className={styles.pre}
            data-exchange-part="token-claims"
            tabIndex={0}
            aria-label={`Decoded claims of the ${label.toLowerCase()}`}
            {...common}
          >
            <MarkedText text={claims} part="response-body" keys={highlight} />
          </pre>
          <TimeClaims claims={token.claims} now={now} />
        </div>
      </div>
    </section>
  );
}

/** Memoised: a recorded token and its exchanges never change. */
export default memo(
  TokenView,
  (a, b) =>
    a.token === b.token &&
    a.index === b.index &&
    a.exchanges === b.exchanges &&
    a.now === b.now &&
    sameItems(a.highlight, b.highlight),
);

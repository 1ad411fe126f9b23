import type { ReactNode } from 'react';
import type { Exchange } from '@site/src/simulator/engine/types';
import type { DecodedToken } from '../engine-port';
import { jsonText } from '@site/src/simulator/format/http-text';
import CopyButton from './CopyButton';
import styles from '../styles.module.css';

const ROLE_NAMES: Readonly<Record<DecodedToken['role'], string>> = {
  'access-token': 'Access token',
  'exchanged-token': 'Exchanged token (for the backend)',
  'upstream-token': 'Upstream token',
  pasted: 'Pasted token',
};

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

export interface TokenViewProps {
  token: DecodedToken;
  index: number;
  exchanges?: readonly Exchange[];
}

/** Raw token beside its decoded header and claims (text only, never HTML). */
export default function TokenView({
  token,
  index,
  exchanges = [],
}: TokenViewProps): ReactNode {
  const carrier = exchangeCarrying(token, exchanges);
  const label = ROLE_NAMES[token.role] ?? token.role;
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
      <h4 className={styles.panelTitle}>
        {label}
        {carrier ? ` (in ${carrier.id})` : ''}
      </h4>
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
            {header}
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
            {claims}
          </pre>
        </div>
      </div>
    </section>
  );
}

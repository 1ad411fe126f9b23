import type { ReactNode } from 'react';
import type { Exchange } from '@site/src/simulator/engine/types';
import {
  requestBody,
  requestHead,
  responseBody,
  responseHead,
} from '@site/src/simulator/format/http-text';
import { ACTOR_LABELS } from '@site/src/simulator/content/labels';
import { toCurl } from '../lib/export';
import CopyButton from './CopyButton';
import styles from '../styles.module.css';

export const ACTOR_NAMES: Readonly<Record<string, string>> = ACTOR_LABELS;

type Part = 'request' | 'request-body' | 'response' | 'response-body';

function PartBlock({
  exchange,
  part,
  label,
  text,
}: {
  exchange: Exchange;
  part: Part;
  label: string;
  text: string;
}): ReactNode {
  return (
    <div>
      <div className={styles.partHeader}>
        <span>{label}</span>
        <CopyButton
          text={text}
          label="Copy"
          ariaLabel={`Copy ${label.toLowerCase()} of ${exchange.id}`}
        />
      </div>
      <pre
        className={styles.pre}
        data-exchange-id={exchange.id}
        data-exchange-part={part}
        tabIndex={0}
        aria-label={`${label} of ${exchange.id}`}
      >
        {text}
      </pre>
    </div>
  );
}

/** One HTTP exchange in full: request and response, heads and bodies. */
export default function ExchangeView({
  exchange,
}: {
  exchange: Exchange;
}): ReactNode {
  const reqBody = requestBody(exchange);
  const resBody = responseBody(exchange);
  const headingId = `sim-${exchange.id}-title`;
  return (
    <article
      className={styles.exchange}
      aria-labelledby={headingId}
      data-exchange={exchange.id}
      data-exchange-status={exchange.response.status}
    >
      <div className={styles.exchangeSummary}>
        <h4 id={headingId} className={styles.panelTitle} style={{ margin: 0 }}>
          {exchange.id}: <code>{exchange.request.method}</code>{' '}
          <code>{exchange.request.url}</code> → {exchange.response.status}
        </h4>
        <span>answered by {ACTOR_NAMES[exchange.actor] ?? exchange.actor}</span>
        <CopyButton
          text={toCurl(exchange)}
          label="Copy as curl"
          ariaLabel={`Copy ${exchange.id} as curl`}
        />
      </div>
      <div className={styles.exchangeBody}>
        <PartBlock
          exchange={exchange}
          part="request"
          label="Request"
          text={requestHead(exchange.request)}
        />
        {reqBody.kind !== 'empty' && (
          <PartBlock
            exchange={exchange}
            part="request-body"
            label={`Request body (${reqBody.kind})`}
            text={reqBody.text}
          />
        )}
        <PartBlock
          exchange={exchange}
          part="response"
          label="Response"
          text={responseHead(exchange.response)}
        />
        {resBody.kind !== 'empty' && (
          <PartBlock
            exchange={exchange}
            part="response-body"
            label={`Response body (${resBody.kind})`}
            text={resBody.text}
          />
        )}
      </div>
    </article>
  );
}

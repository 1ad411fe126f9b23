import { memo, type ReactNode } from 'react';
import type { Exchange } from '@site/src/simulator/engine/types';
import {
  requestBody,
  requestHead,
  responseBody,
  responseHead,
} from '@site/src/simulator/format/http-text';
import { ACTOR_LABELS } from '@site/src/simulator/content/labels';
import { toCurl } from '../lib/export';
import { lineMatches, type LineMark } from '../lib/decisive';
import { sameFields, sameItems } from '../lib/same';
import { exchangeName } from '../lib/words';
import CopyButton from './CopyButton';
import styles from '../styles.module.css';
import outcome from '../outcome.module.css';

export const ACTOR_NAMES: Readonly<Record<string, string>> = ACTOR_LABELS;

type Part = 'request' | 'request-body' | 'response' | 'response-body';

/** The text with the lines that match `keys` wrapped in <mark>. */
export function MarkedText({
  text,
  part,
  keys,
}: {
  text: string;
  part: Part;
  keys: readonly string[];
}): ReactNode {
  if (keys.length === 0) return text;
  const lines = text.split('\n');
  return lines.map((line, i) => (
    <span key={i}>
      {lineMatches(line, part, keys) ? (
        <mark className={outcome.mark} data-deciding="">
          {line}
        </mark>
      ) : (
        line
      )}
      {i < lines.length - 1 ? '\n' : ''}
    </span>
  ));
}

function PartBlock({
  exchange,
  part,
  label,
  text,
  marks,
}: {
  exchange: Exchange;
  part: Part;
  label: string;
  text: string;
  marks: readonly LineMark[];
}): ReactNode {
  const name = exchangeName(exchange.id);
  const keys = marks
    .filter((m) => m.exchangeId === exchange.id && m.part === part)
    .flatMap((m) => m.keys);
  return (
    <div>
      <div className={styles.partHeader}>
        <span>{label}</span>
        <CopyButton
          text={text}
          label="Copy"
          ariaLabel={`Copy ${label.toLowerCase()} of ${name}`}
        />
      </div>
      <pre
        className={styles.pre}
        data-exchange-id={exchange.id}
        data-exchange-part={part}
        tabIndex={0}
        aria-label={`${label} of ${name}`}
      >
        <MarkedText text={text} part={part} keys={keys} />
      </pre>
    </div>
  );
}

/** One HTTP exchange in full: request and response, heads and bodies. */
function ExchangeView({
  exchange,
  marks = [],
}: {
  exchange: Exchange;
  /** Lines that decided the step's result, highlighted. */
  marks?: readonly LineMark[];
}): ReactNode {
  const name = exchangeName(exchange.id);
  const reqBody = requestBody(exchange);
  const resBody = responseBody(exchange);
  const headingId = `sim-${exchange.id}-title`;
  return (
    <article
      id={`sim-exchange-${exchange.id}`}
      tabIndex={-1}
      className={styles.exchange}
      aria-labelledby={headingId}
      data-exchange={exchange.id}
      data-exchange-status={exchange.response.status}
    >
      <div className={styles.exchangeSummary}>
        <h4 id={headingId} className={styles.panelTitle} style={{ margin: 0 }}>
          Exchange {name.replace('exchange ', '')}:{' '}
          <code>{exchange.request.method}</code>{' '}
          <code>{exchange.request.url}</code> → {exchange.response.status}
        </h4>
        <span>answered by {ACTOR_NAMES[exchange.actor] ?? exchange.actor}</span>
        <CopyButton
          text={toCurl(exchange)}
          label="Copy as curl"
          ariaLabel={`Copy ${name} as curl`}
        />
      </div>
      <div className={styles.exchangeBody}>
        <PartBlock
          exchange={exchange}
          part="request"
          marks={marks}
          label="Request"
          text={requestHead(exchange.request)}
        />
        {reqBody.kind !== 'empty' && (
          <PartBlock
            exchange={exchange}
            part="request-body"
            marks={marks}
            label={`Request body (${reqBody.kind})`}
            text={reqBody.text}
          />
        )}
        <PartBlock
          exchange={exchange}
          part="response"
          marks={marks}
          label="Response"
          text={responseHead(exchange.response)}
        />
        {resBody.kind !== 'empty' && (
          <PartBlock
            exchange={exchange}
            part="response-body"
            marks={marks}
            label={`Response body (${resBody.kind})`}
            text={resBody.text}
          />
        )}
      </div>
    </article>
  );
}

/**
 * Memoised: an exchange is recorded once and never changes, so only a new
 * exchange, or other decisive lines, render it again.
 */
export default memo(
  ExchangeView,
  (a, b) =>
    a.exchange === b.exchange &&
    sameItems(a.marks, b.marks, (x, y) => sameFields(x, y)),
);

import { useState, type ReactNode } from 'react';
import type { PastedTokenResult } from '../engine-port';
import Checks from './Checks';
import StatusText from './StatusText';
import TokenView from './TokenView';
import styles from '../styles.module.css';

export interface PasteTokenProps {
  idPrefix: string;
  scenarioTitle: string;
  validate: (raw: string) => Promise<PastedTokenResult>;
}

/**
 * Runs ToolHive's validation pipeline on any string, in this page. The input
 * and every decoded part are rendered as text nodes, never as HTML.
 */
export default function PasteToken({
  idPrefix,
  scenarioTitle,
  validate,
}: PasteTokenProps): ReactNode {
  const [raw, setRaw] = useState('');
  const [result, setResult] = useState<PastedTokenResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const id = `${idPrefix}-paste`;

  const run = async (): Promise<void> => {
    setRunning(true);
    setError(null);
    try {
      setResult(await validate(raw.trim()));
    } catch (e) {
      setResult(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className={styles.panel} aria-label="Check your own token">
      <h3 className={styles.panelTitle}>Check your own token</h3>
      <p className={styles.help} id={`${id}-note`}>
        Your token never leaves this page: it is decoded and checked by code
        running in your browser, against the configuration of “{scenarioTitle}
        ”, and nothing is sent anywhere.
      </p>
      <div className={styles.field}>
        <label htmlFor={id}>Token (JWT or opaque string)</label>
        <textarea
          id={id}
          className={styles.textarea}
          value={raw}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-note`}
          data-testid="sim-paste-input"
          onChange={(e) => setRaw(e.target.value)}
        />
      </div>
      <button
        type="button"
        className={styles.button}
        aria-disabled={running || raw.trim() === ''}
        onClick={() => {
          if (!running && raw.trim() !== '') void run();
        }}
      >
        Check token
      </button>
      <div aria-live="polite" data-testid="sim-paste-result">
        {error && <p className={styles.error}>{error}</p>}
        {result && (
          <>
            <p style={{ marginTop: '0.5rem' }}>
              <StatusText status={result.accepted ? 'pass' : 'fail'} />{' '}
              {result.accepted
                ? 'ToolHive would accept it'
                : 'ToolHive would reject it'}
              : {result.summary}
            </p>
            <Checks
              checks={result.verdicts}
              title="Pipeline checks"
              headingLevel={4}
            />
            {result.token && <TokenView token={result.token} index={0} />}
          </>
        )}
      </div>
    </section>
  );
}

import { useState, type ReactNode } from 'react';
import type { PastedTokenResult } from '../engine-port';
import Checks, { CHECK_LABELS } from './Checks';
import { checkOwnToken } from '../lib/own-token';
import StatusText from './StatusText';
import TokenView from './TokenView';
import controls from '../controls.module.css';
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
  const [issuer, setIssuer] = useState('');
  const [audience, setAudience] = useState('');
  const [checkedAt, setCheckedAt] = useState(0);
  const id = `${idPrefix}-paste`;
  const own = result
    ? checkOwnToken(result.verdicts, result.token?.claims ?? null, {
        issuer,
        audience,
        now: checkedAt,
      })
    : null;
  const failed = own?.verdicts.find((v) => v.status === 'fail');

  const run = async (): Promise<void> => {
    setRunning(true);
    setError(null);
    setCheckedAt(Math.floor(Date.now() / 1000));
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
      <div className={controls.field}>
        <label htmlFor={id}>Token (JWT or opaque string)</label>
        <textarea
          id={id}
          className={controls.textarea}
          value={raw}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-note`}
          data-testid="sim-paste-input"
          onChange={(e) => setRaw(e.target.value)}
        />
      </div>
      <div className={controls.field}>
        <label htmlFor={`${id}-iss`}>
          Issuer your ToolHive expects (optional)
        </label>
        <input
          id={`${id}-iss`}
          className={controls.select}
          value={issuer}
          placeholder="https://auth.example.com"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setIssuer(e.target.value)}
        />
      </div>
      <div className={controls.field}>
        <label htmlFor={`${id}-aud`}>
          Audience your ToolHive expects (optional)
        </label>
        <input
          id={`${id}-aud`}
          className={controls.select}
          value={audience}
          placeholder="https://mcp.example.com/mcp"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setAudience(e.target.value)}
        />
      </div>
      <p className={styles.help}>
        Time claims are checked against your computer&apos;s clock. The
        signature can be verified only for tokens the simulator issued.
      </p>
      <button
        type="button"
        className={controls.button}
        aria-disabled={running || raw.trim() === ''}
        onClick={() => {
          if (!running && raw.trim() !== '') void run();
        }}
      >
        Check token
      </button>
      <div aria-live="polite" data-testid="sim-paste-result">
        {error && <p className={styles.error}>{error}</p>}
        {result && own && (
          <>
            <p style={{ marginTop: '0.5rem' }}>
              <StatusText
                status={failed ? 'fail' : own.unverified ? 'skip' : 'pass'}
              />{' '}
              {failed
                ? `ToolHive would reject it: ${CHECK_LABELS[failed.id] ?? failed.id}: ${failed.detail}`
                : own.unverified
                  ? 'Some checks could not be run (marked skipped); ToolHive would accept it only if those pass too.'
                  : 'ToolHive would accept it: every check passed.'}
            </p>
            <Checks
              checks={own.verdicts}
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

import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import styles from './styles.module.css';

export interface StartCardProps {
  onStart: () => void;
}

/**
 * What the doc page shows until the reader starts the simulator: a short card
 * (at most 320 px high, checked by tests/e2e/simulator-embed.spec.ts) that
 * says what the simulator will show. No simulator code loads before Start.
 */
export default function StartCard({ onStart }: StartCardProps): ReactNode {
  return (
    <section
      className={styles.card}
      aria-label="MCP authorization flow simulator"
      data-simulator-placeholder=""
    >
      <p className={styles.title}>Step through the flow</p>
      <p className={styles.text}>
        Run the five steps above against mock servers: the 401 challenge,
        discovery, sign-in with PKCE, the token, and the Cedar decision, with
        every request and response, and failure cases too. Nothing leaves your
        browser.
      </p>
      <div className={styles.actions}>
        <button
          type="button"
          className="button button--primary"
          onClick={onStart}
        >
          Start the simulator
        </button>
        <Link to="/simulator">Open it on its own page</Link>
      </div>
    </section>
  );
}

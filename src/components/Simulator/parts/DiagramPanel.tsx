import type { ReactNode } from 'react';
import FlowDiagram from '@site/src/components/FlowDiagram';
import type { DiagramMessage } from '../engine-port';
import styles from '../styles.module.css';

export interface DiagramPanelProps {
  diagram: 'authn' | 'authz';
  highlight: string | null;
  messages: readonly DiagramMessage[];
}

/**
 * The page's own diagram (same source as the prose) with the current step's
 * message highlighted, and the same messages as a text list.
 */
export default function DiagramPanel({
  diagram,
  highlight,
  messages,
}: DiagramPanelProps): ReactNode {
  const name = diagram === 'authn' ? 'Authentication' : 'Authorization';
  return (
    <section aria-label={`${name} diagram`} data-testid="sim-diagram">
      <h3 className={styles.panelTitle}>{name} flow</h3>
      <div style={{ overflowX: 'auto' }}>
        <FlowDiagram id={diagram} highlight={highlight} />
      </div>
      <details className={styles.details}>
        <summary>The diagram as text</summary>
        <ol className={styles.refs}>
          {messages.map((m) => (
            <li key={m.id} data-diagram-message={m.id}>
              {m.from} → {m.to}: {m.text}
              {m.id === highlight ? <strong> (this step)</strong> : null}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

import { useState, type ReactNode } from 'react';
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
  // Open by default, except on narrow screens where it would push the
  // exchanges far down.
  const [open, setOpen] = useState(
    () => !window.matchMedia('(max-width: 600px)').matches,
  );
  return (
    <details
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className={styles.details}
      style={{ margin: '0.75rem 0' }}
      data-testid="sim-diagram"
    >
      <summary>{name} flow, with this step highlighted</summary>
      <div
        className={styles.diagramScroll}
        role="region"
        aria-label={`${name} diagram (scrolls sideways on small screens)`}
        tabIndex={0}
      >
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
    </details>
  );
}

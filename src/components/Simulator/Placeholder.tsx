import type { ReactNode } from 'react';
import clsx from 'clsx';
import layout from './layout.module.css';
import styles from './styles.module.css';

export interface PlaceholderProps {
  /** Shown while the simulator code loads. */
  message?: string;
}

/**
 * Shown while the simulator's code loads, after the reader asked for it (the
 * doc pages' start card is SimulatorEmbed/StartCard). Same shape and height
 * as the loaded simulator (header, controls, step list, detail), so nothing
 * on the page moves when the real thing replaces it.
 */
export default function Placeholder({
  message = 'Loading the simulator…',
}: PlaceholderProps): ReactNode {
  return (
    <section
      className={clsx(layout.root, layout.reserve)}
      aria-label="MCP authorization flow simulator"
      aria-busy="true"
      data-simulator-loading=""
    >
      <div className={layout.header}>
        <h2 className={layout.title}>Step through the flow</h2>
      </div>
      <p role="status">{message}</p>
      <div className={layout.layout} aria-hidden="true">
        <div className={layout.column}>
          {Array.from({ length: 10 }, (_, i) => (
            <div key={i} className={styles.placeholderBlock} />
          ))}
        </div>
        <div className={layout.column}>
          <div
            className={styles.placeholderBlock}
            style={{ height: '12rem' }}
          />
          <div className={styles.placeholderBlock} style={{ height: '8rem' }} />
        </div>
      </div>
    </section>
  );
}

import type { ReactNode } from 'react';
import type { DeviationView } from '../engine-port';
import styles from '../styles.module.css';

/** "Differs from the spec" badges, each with what and where. */
export default function Deviations({
  deviations,
}: {
  deviations: readonly DeviationView[];
}): ReactNode {
  if (deviations.length === 0) return null;
  return (
    <section aria-label="Where ToolHive differs from the spec">
      <h3 className={styles.panelTitle}>Differs from the spec</h3>
      <ul className={styles.badges} style={{ listStyle: 'none', padding: 0 }}>
        {deviations.map((d) => (
          <li key={d.id} className={styles.badge} data-deviation={d.id}>
            <span className={styles.badgeLabel}>
              <span aria-hidden="true">⚠ </span>Spec deviation: {d.title}.
            </span>{' '}
            {d.detail}{' '}
            {d.refs.map((r, i) => (
              <span key={r.id}>
                {i > 0 ? ', ' : ''}
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {r.title}
                </a>
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

import type { ReactNode } from 'react';
import type { ClockEvent } from '@site/src/simulator/engine/types';
import { formatInstant } from '../lib/format-time';
import controls from '../controls.module.css';
import styles from '../styles.module.css';

export { formatInstant };

const MOVES = [
  { seconds: 60, label: '+1 min', name: 'Advance the clock by 1 minute' },
  {
    seconds: 15 * 60,
    label: '+15 min',
    name: 'Advance the clock by 15 minutes',
  },
  { seconds: 3600, label: '+1 h', name: 'Advance the clock by 1 hour' },
] as const;

export interface ClockPanelProps {
  now: string;
  events: readonly ClockEvent[];
  busy: boolean;
  onAdvance: (seconds: number) => void;
}

/** The simulated time and buttons to move it; effects are listed below. */
export default function ClockPanel({
  now,
  events,
  busy,
  onAdvance,
}: ClockPanelProps): ReactNode {
  const recent = events.slice(-4);
  return (
    <section className={styles.panel} aria-label="Simulated clock">
      <h3 className={styles.panelTitle}>Simulated clock</h3>
      <p className={styles.clock} data-testid="sim-clock">
        <time dateTime={now}>{formatInstant(now)}</time>
      </p>
      <div
        className={controls.controls}
        role="group"
        aria-label="Move the clock"
      >
        {MOVES.map((m) => (
          <button
            key={m.seconds}
            type="button"
            className={controls.button}
            aria-label={m.name}
            aria-disabled={busy}
            onClick={() => {
              if (!busy) onAdvance(m.seconds);
            }}
          >
            {m.label}
          </button>
        ))}
      </div>
      {recent.length > 0 && (
        <ul className={styles.refs} style={{ marginTop: '0.5rem' }}>
          {recent.map((e, i) => (
            <li key={`${e.at}-${i}`} data-clock-event={e.kind}>
              {formatInstant(e.at)}: {e.detail}
            </li>
          ))}
        </ul>
      )}
      <p className={styles.help}>
        Tokens expire and the JWKS cache refreshes on this clock, not on yours.
      </p>
    </section>
  );
}

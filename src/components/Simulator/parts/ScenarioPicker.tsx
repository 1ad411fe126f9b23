import type { ReactNode } from 'react';
import type { ScenarioView, SpecRevision } from '../engine-port';
import { CHECK_LABELS } from './Checks';
import controls from '../controls.module.css';
import styles from '../styles.module.css';

const GROUP_NAMES: Readonly<Record<ScenarioView['group'], string>> = {
  'happy-path': 'Happy paths',
  'token-validation': 'Token validation failures',
  'client-as-faults': 'Client and authorization server faults',
  authorization: 'Authorization (Cedar)',
  'backend-auth': 'Backend authentication',
};

function groupScenarios(
  scenarios: readonly ScenarioView[],
): [ScenarioView['group'], ScenarioView[]][] {
  const groups = new Map<ScenarioView['group'], ScenarioView[]>();
  for (const group of Object.keys(GROUP_NAMES) as ScenarioView['group'][]) {
    groups.set(group, []);
  }
  for (const s of scenarios) {
    const list = groups.get(s.group) ?? [];
    list.push(s);
    groups.set(s.group, list);
  }
  return [...groups].filter(([, list]) => list.length > 0);
}

function expectedText(s: ScenarioView, revision: SpecRevision): string {
  const e = s.expectedByRevision[revision];
  if (e.result === 'success') return 'Expected: the flow succeeds.';
  const parts = [
    e.status ? `HTTP ${e.status}` : null,
    e.error ?? null,
    e.failedCheck
      ? `on the check “${(CHECK_LABELS[e.failedCheck] ?? e.failedCheck).toLowerCase()}”`
      : null,
  ].filter(Boolean);
  return `Expected: rejected${parts.length ? ` (${parts.join(', ')})` : ''}.`;
}

export interface ScenarioPickerProps {
  scenarios: readonly ScenarioView[];
  value: string;
  /** The spec revision in force: the expected outcome is the one under it. */
  revision: SpecRevision;
  disabled: boolean;
  onChange: (id: string) => void;
  idPrefix: string;
}

/** A grouped select plus the chosen scenario's one-line description. */
export default function ScenarioPicker({
  scenarios,
  value,
  revision,
  disabled,
  onChange,
  idPrefix,
}: ScenarioPickerProps): ReactNode {
  const current = scenarios.find((s) => s.id === value);
  const groups = groupScenarios(scenarios);
  return (
    <div>
      <div className={controls.field}>
        <label htmlFor={`${idPrefix}-scenario`}>Scenario</label>
        <select
          id={`${idPrefix}-scenario`}
          className={controls.select}
          value={value}
          disabled={disabled}
          aria-describedby={`${idPrefix}-scenario-desc`}
          onChange={(e) => onChange(e.target.value)}
        >
          {groups.map(([group, list]) => (
            <optgroup key={group} label={GROUP_NAMES[group]}>
              {list.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {current && (
        <p
          id={`${idPrefix}-scenario-desc`}
          className={styles.help}
          data-testid="sim-scenario-description"
        >
          {current.description} {expectedText(current, revision)}
        </p>
      )}
      <details className={styles.details} style={{ marginTop: '0.5rem' }}>
        <summary>All scenarios</summary>
        {groups.map(([group, list]) => (
          <div key={group}>
            <h4 className={styles.panelTitle} style={{ marginTop: '0.5rem' }}>
              {GROUP_NAMES[group]}
            </h4>
            <ul className={styles.refs}>
              {list.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={controls.smallButton}
                    aria-disabled={disabled}
                    aria-current={s.id === value ? 'true' : undefined}
                    onClick={() => {
                      if (!disabled) onChange(s.id);
                    }}
                  >
                    {s.title}
                  </button>{' '}
                  {s.description}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </div>
  );
}

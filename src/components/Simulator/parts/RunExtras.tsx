import { useState, type ReactNode } from 'react';
import type { ScenarioView, SimulationPort } from '../engine-port';
import type { Snapshot } from '../useSimulator';
import PasteToken from './PasteToken';
import RunLog from './RunLog';
import layout from '../layout.module.css';
import styles from '../styles.module.css';

export interface RunExtrasProps {
  snapshot: Snapshot;
  scenario: ScenarioView | undefined;
  idPrefix: string;
  /** Editors that belong to no step on screen (the Cedar policy, the mode). */
  inSetup: ReactNode[];
  validateToken: SimulationPort['validateToken'];
  onOpen: (exchangeId: string, stepIndex: number) => void;
}

/** Below the step: the running log, the setup editors and "Check your own token". */
export default function RunExtras({
  snapshot,
  scenario,
  idPrefix,
  inSetup,
  validateToken,
  onOpen,
}: RunExtrasProps): ReactNode {
  const [setupOpen, setSetupOpen] = useState(false);
  return (
    <>
      {snapshot.records.length > 0 && (
        <RunLog
          records={snapshot.records}
          titles={snapshot.steps.map((st) => st.title)}
          now={Date.parse(snapshot.clock) / 1000}
          onOpen={onOpen}
        />
      )}
      {inSetup.length > 0 && (
        <details
          className={styles.details}
          open={setupOpen}
          onToggle={(e) => setSetupOpen(e.currentTarget.open)}
        >
          <summary>Change the setup: Cedar policy and backend mode</summary>
          <div className={layout.column} style={{ marginTop: '0.5rem' }}>
            {inSetup}
          </div>
        </details>
      )}
      {scenario && (
        <details className={styles.details}>
          <summary>Check your own token</summary>
          <PasteToken
            idPrefix={idPrefix}
            scenarioTitle={scenario.title}
            validate={validateToken}
          />
        </details>
      )}
    </>
  );
}

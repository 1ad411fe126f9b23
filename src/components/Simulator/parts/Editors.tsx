import { useState, type ReactNode } from 'react';
import type {
  BackendMode,
  EnginePort,
  ScenarioView,
  StepRecord,
} from '../engine-port';
import type { Snapshot } from '../useSimulator';
import CedarPanel from './CedarPanel';
import BackendPanel from './BackendPanel';

export interface EditorsOptions {
  engine: EnginePort;
  snapshot: Snapshot | null;
  scenario: ScenarioView | undefined;
  /** The record of the step shown. */
  record: StepRecord | null;
  shownIndex: number;
  idPrefix: string;
  busy: boolean;
  policyChanged: boolean;
  modeChanged: boolean;
  holdPlace: (selector: string) => void;
  reload: (change: Partial<Snapshot['config']>) => void;
}

/**
 * The Cedar editor and the backend mode switch, each rendered once: beside
 * the step they change (a Cedar decision in an authorization scenario, a
 * backend call in a backend scenario, or any such step once the reader has
 * changed that setting), otherwise in the "Change the setup" section.
 */
export function useEditors(o: EditorsOptions): {
  besideStep: ReactNode[];
  inSetup: ReactNode[];
} {
  const [policyErrors, setPolicyErrors] = useState<string[]>([]);
  const { snapshot, record } = o;
  if (!snapshot) return { besideStep: [], inSetup: [] };
  const cedarHere =
    !!record?.checks.some((c) => c.id === 'cedar') &&
    (o.scenario?.group === 'authorization' || o.policyChanged);
  const backendHere =
    !!record?.exchanges.some((x) => x.actor === 'backend') &&
    (o.scenario?.group === 'backend-auth' || o.modeChanged);
  const cedar = (
    <CedarPanel
      key="cedar"
      idPrefix={o.idPrefix}
      applied={snapshot.config.policy}
      defaultPolicy={o.engine.defaultPolicy}
      records={snapshot.records}
      busy={o.busy}
      errors={policyErrors}
      step={cedarHere ? record : null}
      onApply={(policy) => {
        void o.engine.checkPolicy(policy).then((errors) => {
          setPolicyErrors(errors);
          if (errors.length === 0) {
            o.holdPlace('[data-testid="sim-cedar-apply"]');
            o.reload({ policy });
          }
        });
      }}
    />
  );
  const backend = (
    <BackendPanel
      key="backend"
      idPrefix={o.idPrefix}
      mode={snapshot.backendMode}
      busy={o.busy}
      records={snapshot.records}
      engine={o.engine}
      config={snapshot.config}
      clockMoves={snapshot.clockMoves}
      step={backendHere && record ? { record, index: o.shownIndex } : null}
      onChange={(backendMode: BackendMode) => {
        o.holdPlace('[data-testid="sim-backend-modes"]');
        o.reload({ backendMode });
      }}
    />
  );
  return {
    besideStep: [cedarHere && cedar, backendHere && backend].filter(Boolean),
    inSetup: [!cedarHere && cedar, !backendHere && backend].filter(Boolean),
  };
}

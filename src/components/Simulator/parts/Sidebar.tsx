import { useCallback, useMemo, type ReactNode } from 'react';
import clsx from 'clsx';
import type { EnginePort, ScenarioView } from '../engine-port';
import type { Action, Snapshot } from '../useSimulator';
import type { RunSummary } from '../lib/export';
import type { SpecRevision } from '@site/src/simulator/engine/types';
import { DEFAULT_REVISION } from '@site/src/simulator/engine/types';
import ScenarioPicker from './ScenarioPicker';
import RevisionSwitch, { otherRevision } from './RevisionSwitch';
import Controls from './Controls';
import StepList from './StepList';
import ClockPanel from './ClockPanel';
import ExportBar from './ExportBar';
import layout from '../layout.module.css';

export interface SidebarProps {
  engine: EnginePort;
  scenarios: readonly ScenarioView[];
  snapshot: Snapshot | null;
  scenario: ScenarioView | undefined;
  revision: SpecRevision;
  idPrefix: string;
  busy: boolean;
  canNext: boolean;
  canBack: boolean;
  scope: 'page' | 'simulator';
  /** The step the detail column shows. */
  shownIndex: number;
  onView: (index: number) => void;
  act: (action: Action) => void;
  reload: (change: Partial<Snapshot['config']>, steps?: number) => void;
}

/** The column that stays on screen: scenario, revision, controls, steps, clock, export. */
export default function Sidebar({
  engine,
  scenarios,
  snapshot,
  scenario,
  revision,
  idPrefix,
  busy,
  canNext,
  canBack,
  scope,
  shownIndex,
  onView,
  act,
  reload,
}: SidebarProps): ReactNode {
  const differing = useMemo(
    () =>
      new Set(
        (snapshot?.steps ?? [])
          .filter((st) => engine.revisionNote(st.id, revision) !== null)
          .map((st) => st.id),
      ),
    [engine, snapshot?.steps, revision],
  );

  const summary = useCallback((): RunSummary => {
    if (!snapshot || !scenario) throw new Error('nothing to export');
    return {
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      revision,
      stepTitles: Object.fromEntries(
        snapshot.steps.map((s) => [s.id, s.title]),
      ),
      records: snapshot.records,
      outcome: snapshot.transcript.outcome,
      clock: snapshot.clock,
    };
  }, [snapshot, scenario, revision]);

  return (
    <div className={clsx(layout.column, layout.stickyColumn)}>
      <ScenarioPicker
        scenarios={scenarios}
        value={snapshot?.config.scenarioId ?? ''}
        revision={revision}
        disabled={false}
        idPrefix={idPrefix}
        onChange={(id) => reload({ scenarioId: id, backendMode: undefined }, 0)}
      />
      <RevisionSwitch
        value={revision}
        busy={busy || !snapshot}
        idPrefix={idPrefix}
        onChange={(r) =>
          // A finished run is run to its end again under the new revision,
          // so the outcomes compare; otherwise the same steps run.
          reload(
            { revision: r === DEFAULT_REVISION ? undefined : r },
            snapshot?.finished ? snapshot.steps.length : undefined,
          )
        }
      />
      <Controls
        busy={busy || !snapshot}
        canNext={canNext}
        canBack={canBack}
        onNext={() => act({ kind: 'next' })}
        onBack={() => act({ kind: 'back' })}
        onRunToEnd={() => act({ kind: 'run-to-end' })}
        onReset={() => act({ kind: 'reset' })}
        shortcutScope={scope}
      />
      {snapshot && (
        <StepList
          steps={snapshot.steps}
          records={snapshot.records}
          cursor={snapshot.cursor}
          finished={snapshot.finished}
          viewed={snapshot.cursor > 0 ? shownIndex : null}
          onView={onView}
          differing={differing}
          otherRevision={otherRevision(revision)}
        />
      )}
      {snapshot && (
        <ClockPanel
          now={snapshot.clock}
          events={snapshot.transcript.clockEvents}
          busy={busy}
          onAdvance={(seconds) => act({ kind: 'clock', seconds })}
        />
      )}
      {snapshot && <ExportBar summary={summary} />}
    </div>
  );
}

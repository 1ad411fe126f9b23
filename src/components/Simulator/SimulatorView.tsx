import {
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import clsx from 'clsx';
import type { EnginePort, ScenarioView } from './engine-port';
import { useSimulator, type Action, type Snapshot } from './useSimulator';
import { useUrlState } from './useUrlState';
import { useUrlSync } from './useUrlSync';
import { fallbackScenario } from './lib/scenario-view';
import { useStepKeys } from './useShortcuts';
import { usePlace } from './usePlace';
import { otherRevision } from './parts/RevisionSwitch';
import Sidebar from './parts/Sidebar';
import StepDetail from './parts/StepDetail';
import { announcement } from './lib/announce';
import { useEditors } from './parts/Editors';
import RunExtras from './parts/RunExtras';
import RunDiagram from './parts/RunDiagram';
import BottomBar from './parts/BottomBar';
import Intro from './parts/Intro';
import { conceptLinkFor } from '@site/src/simulator/content/concept-links';
import { DEFAULT_REVISION } from '@site/src/simulator/engine/types';
import layout from './layout.module.css';
import styles from './styles.module.css';

export interface SimulatorViewProps {
  engine: EnginePort;
  scenarios: readonly ScenarioView[];
  urlStyle: 'query' | 'hash';
  variant: 'page' | 'embed';
  defaultScenario?: string;
  rootRef: RefObject<HTMLElement | null>;
}

export default function SimulatorView({
  engine,
  scenarios,
  urlStyle,
  variant,
  defaultScenario,
  rootRef,
}: SimulatorViewProps): ReactNode {
  const idPrefix = `sim${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const { initial, write } = useUrlState(urlStyle);
  const sim = useSimulator(engine);
  const { snapshot, busy, dispatch, lastAction } = sim;
  const [viewed, setViewed] = useState<number | null>(null);
  const { revealKey, wantReveal, holdPlace, openExchange } = usePlace(
    rootRef,
    busy,
    useMemo(() => [snapshot, viewed], [snapshot, viewed]),
  );
  const headingRef = useRef<HTMLHeadingElement>(null);

  useUrlSync({
    urlStyle,
    initial,
    write,
    scenarios,
    defaultScenario,
    engine,
    rootRef,
    snapshot,
    dispatch,
    onLoad: () => setViewed(null),
  });

  const act = useCallback(
    (action: Action) => {
      setViewed(null);
      if (
        action.kind === 'next' ||
        action.kind === 'back' ||
        action.kind === 'run-to-end'
      ) {
        wantReveal();
      }
      void dispatch(action);
    },
    [dispatch, wantReveal],
  );

  // Stable, so the memoised diagram and log skip renders that change nothing.
  const openFromRun = useCallback(
    (exchangeId: string, stepIndex: number) =>
      openExchange(exchangeId, () => setViewed(stepIndex)),
    [openExchange],
  );

  const reload = useCallback(
    (change: Partial<Snapshot['config']>, steps?: number) => {
      if (!snapshot) return;
      act({
        kind: 'load',
        config: { ...snapshot.config, ...change },
        steps: steps ?? snapshot.cursor,
        clockMoves: steps === 0 ? [] : snapshot.clockMoves,
      });
    },
    [snapshot, act],
  );

  const canNext = !!snapshot && !snapshot.finished;
  const canBack = !!snapshot && snapshot.cursor > 0;
  const scope = variant === 'page' ? 'page' : 'simulator';
  useStepKeys({ busy, canNext, canBack, act, scope, rootRef });

  const live = snapshot && lastAction ? announcement(snapshot, lastAction) : '';
  const scenario = scenarios.find((s) => s.id === snapshot?.config.scenarioId);
  const revision = snapshot?.config.revision ?? DEFAULT_REVISION;
  const shownIndex =
    viewed ??
    (snapshot
      ? Math.max(0, Math.min(snapshot.cursor - 1, snapshot.steps.length - 1))
      : 0);
  const shownIndexFinal = snapshot && snapshot.cursor === 0 ? 0 : shownIndex;
  const step = snapshot?.steps[shownIndexFinal];
  const record = snapshot?.records[shownIndexFinal] ?? null;
  const revisionNoteFor = (stepId: string) => {
    const note = engine.revisionNote(stepId, revision);
    return note ? { ...note, other: otherRevision(revision) } : null;
  };
  const policyChanged =
    !!snapshot && snapshot.config.policy !== engine.defaultPolicy;
  const modeChanged =
    !!snapshot &&
    !!scenario &&
    snapshot.config.backendMode !== undefined &&
    snapshot.config.backendMode !== scenario.backendMode;
  const { besideStep, inSetup } = useEditors({
    engine,
    snapshot,
    scenario,
    record,
    shownIndex: shownIndexFinal,
    idPrefix,
    busy,
    policyChanged,
    modeChanged,
    holdPlace,
    reload,
  });

  return (
    <section
      ref={rootRef}
      tabIndex={-1}
      className={clsx(
        layout.root,
        layout.reserve,
        variant === 'embed' && layout.embed,
      )}
      aria-labelledby={`${idPrefix}-title`}
      data-simulator=""
      data-transport={engine.transport.kind}
      data-scenario={snapshot?.config.scenarioId}
      data-revision={revision}
      data-cursor={snapshot?.cursor}
      data-finished={snapshot?.finished ? 'true' : 'false'}
      data-outcome={snapshot?.transcript.outcome}
      data-exchange-count={snapshot?.records.reduce(
        (n, r) => n + r.exchanges.length,
        0,
      )}
      data-busy={busy ? 'true' : 'false'}
      aria-busy={busy}
    >
      <div className={layout.header}>
        <h2 id={`${idPrefix}-title`} className={layout.title}>
          {variant === 'page' ? 'Run a scenario' : 'Step through the flow'}
        </h2>
      </div>
      <Intro
        transport={engine.transport}
        modified={
          policyChanged || modeChanged
            ? {
                policy: policyChanged,
                mode: modeChanged ? snapshot.backendMode : null,
                onRestore: () =>
                  reload({
                    policy: engine.defaultPolicy,
                    backendMode: undefined,
                  }),
              }
            : null
        }
      />
      <div
        className={styles.visuallyHidden}
        role="status"
        aria-live="polite"
        data-testid="sim-live"
      >
        {live}
      </div>
      {initial.scenario &&
        !scenarios.some((s) => s.id === initial.scenario) && (
          <p className={layout.notice} data-testid="sim-unknown-scenario">
            This link names a scenario that does not exist (“
            {initial.scenario}”), so the simulator opened{' '}
            {scenario?.title ?? 'the first scenario'} instead.
          </p>
        )}
      {sim.error && (
        <p role="alert" className={styles.error}>
          {sim.error}
        </p>
      )}
      <div className={layout.layout}>
        <Sidebar
          engine={engine}
          scenarios={scenarios}
          snapshot={snapshot}
          scenario={scenario}
          revision={revision}
          idPrefix={idPrefix}
          busy={busy}
          canNext={canNext}
          canBack={canBack}
          scope={scope}
          shownIndex={shownIndexFinal}
          onView={setViewed}
          act={act}
          reload={reload}
        />
        <div className={layout.column}>
          {snapshot && step ? (
            <StepDetail
              scenario={
                scenario ?? fallbackScenario(snapshot.config.scenarioId)
              }
              step={step}
              index={shownIndexFinal}
              total={snapshot.steps.length}
              record={record}
              summary={engine.teaching(step.id)?.paragraphs[0] ?? null}
              references={step.refs
                .map((r) => engine.reference(r))
                .filter((r) => r !== null)}
              deviations={(record?.deviations ?? [])
                .map((d) => engine.deviation(d))
                .filter((d) => d !== null)}
              headingRef={headingRef}
              modified={policyChanged || modeChanged}
              mode={snapshot.backendMode}
              concept={conceptLinkFor(step.id)}
              revealKey={revealKey}
              revision={revision}
              revisionNote={revisionNoteFor(step.id)}
              editors={
                besideStep.length > 0 ? (
                  <div
                    className={layout.column}
                    data-testid="sim-editors-beside"
                  >
                    {besideStep}
                  </div>
                ) : null
              }
              diagram={
                <RunDiagram
                  records={snapshot.records}
                  titles={snapshot.steps.map((st) => st.title)}
                  current={shownIndexFinal}
                  onOpen={openFromRun}
                />
              }
            />
          ) : (
            <p role="status">Loading the scenario…</p>
          )}
          {snapshot && (
            <RunExtras
              snapshot={snapshot}
              scenario={scenario}
              idPrefix={idPrefix}
              inSetup={inSetup}
              validateToken={sim.validateToken}
              onOpen={openFromRun}
            />
          )}
        </div>
      </div>
      {snapshot && (
        <BottomBar
          busy={busy}
          canNext={canNext}
          canBack={canBack}
          index={shownIndexFinal}
          total={snapshot.steps.length}
          cursor={snapshot.cursor}
          onNext={() => act({ kind: 'next' })}
          onBack={() => act({ kind: 'back' })}
        />
      )}
    </section>
  );
}

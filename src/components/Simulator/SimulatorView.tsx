import {
  useCallback,
  useEffect,
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
import { parseUrlState } from './lib/url-state';
import { useShortcuts } from './useShortcuts';
import { usePlace } from './usePlace';
import type { RunSummary } from './lib/export';
import ScenarioPicker from './parts/ScenarioPicker';
import Controls from './parts/Controls';
import StepList from './parts/StepList';
import StepDetail from './parts/StepDetail';
import ClockPanel from './parts/ClockPanel';
import { announcement } from './lib/announce';
import { useEditors } from './parts/Editors';
import PasteToken from './parts/PasteToken';
import ExportBar from './parts/ExportBar';
import RunDiagram from './parts/RunDiagram';
import RunLog from './parts/RunLog';
import BottomBar from './parts/BottomBar';
import Intro from './parts/Intro';
import { conceptLinkFor } from '@site/src/simulator/content/concept-links';
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
  const [setupOpen, setSetupOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const known = (id: string | undefined): id is string =>
    !!id && scenarios.some((s) => s.id === id);

  // Open the scenario and step the URL names, once.
  useEffect(() => {
    const scenarioId = known(initial.scenario)
      ? initial.scenario
      : known(defaultScenario)
        ? defaultScenario
        : (scenarios[0]?.id ?? 'happy-path');
    void dispatch({
      kind: 'load',
      config: {
        scenarioId,
        ...(initial.mode ? { backendMode: initial.mode } : {}),
        policy: engine.defaultPolicy,
      },
      steps: initial.step ?? 0,
      clockMoves: initial.clock ?? [],
    });
    if (urlStyle === 'hash' && initial.scenario) {
      rootRef.current?.scrollIntoView({ block: 'start' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // In a doc page, following another #sim-… link reloads that state.
  useEffect(() => {
    if (urlStyle !== 'hash') return undefined;
    const onHash = (): void => {
      const next = parseUrlState(
        'hash',
        window.location.search,
        window.location.hash,
      );
      if (!next.scenario || !known(next.scenario)) return;
      setViewed(null);
      void dispatch({
        kind: 'load',
        config: {
          scenarioId: next.scenario,
          policy: engine.defaultPolicy,
          ...(next.mode ? { backendMode: next.mode } : {}),
        },
        steps: next.step ?? 0,
        clockMoves: next.clock ?? [],
      });
      rootRef.current?.scrollIntoView({ block: 'start' });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlStyle, dispatch, engine]);

  // The URL follows the reader.
  useEffect(() => {
    if (!snapshot) return;
    const own = scenarios.find((s) => s.id === snapshot.config.scenarioId);
    const mode = snapshot.config.backendMode;
    write({
      scenario: snapshot.config.scenarioId,
      step: snapshot.cursor,
      ...(mode && mode !== own?.backendMode ? { mode } : {}),
      clock: [...snapshot.clockMoves],
    });
  }, [snapshot, scenarios, write]);

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
  const keys = useMemo(
    () => ({
      n: () => {
        if (!busy && canNext) act({ kind: 'next' });
      },
      b: () => {
        if (!busy && canBack) act({ kind: 'back' });
      },
      e: () => {
        if (!busy && canNext) act({ kind: 'run-to-end' });
      },
      r: () => {
        if (!busy && canBack) act({ kind: 'reset' });
      },
    }),
    [busy, canNext, canBack, act],
  );
  const scope = variant === 'page' ? 'page' : 'simulator';
  useShortcuts(scope, rootRef, keys);

  const live = snapshot && lastAction ? announcement(snapshot, lastAction) : '';
  const scenario = scenarios.find((s) => s.id === snapshot?.config.scenarioId);

  const summary = useCallback((): RunSummary => {
    if (!snapshot || !scenario) throw new Error('nothing to export');
    return {
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      stepTitles: Object.fromEntries(
        snapshot.steps.map((s) => [s.id, s.title]),
      ),
      records: snapshot.records,
      outcome: snapshot.transcript.outcome,
      clock: snapshot.clock,
    };
  }, [snapshot, scenario]);

  const shownIndex =
    viewed ??
    (snapshot
      ? Math.max(0, Math.min(snapshot.cursor - 1, snapshot.steps.length - 1))
      : 0);
  const shownIndexFinal = snapshot && snapshot.cursor === 0 ? 0 : shownIndex;
  const step = snapshot?.steps[shownIndexFinal];
  const record = snapshot?.records[shownIndexFinal] ?? null;
  const Title = variant === 'page' ? 'h2' : 'h2';
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
        styles.root,
        styles.reserve,
        variant === 'embed' && styles.embed,
      )}
      aria-labelledby={`${idPrefix}-title`}
      data-simulator=""
      data-transport={engine.transport.kind}
      data-scenario={snapshot?.config.scenarioId}
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
      <div className={styles.header}>
        <Title id={`${idPrefix}-title`} className={styles.title}>
          {variant === 'page' ? 'Run a scenario' : 'Step through the flow'}
        </Title>
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
      {initial.scenario && !known(initial.scenario) && (
        <p className={styles.notice} data-testid="sim-unknown-scenario">
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
      <div className={styles.layout}>
        <div className={clsx(styles.column, styles.stickyColumn)}>
          <ScenarioPicker
            scenarios={scenarios}
            value={snapshot?.config.scenarioId ?? ''}
            disabled={false}
            idPrefix={idPrefix}
            onChange={(id) =>
              reload({ scenarioId: id, backendMode: undefined }, 0)
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
              viewed={snapshot.cursor > 0 ? shownIndexFinal : null}
              onView={setViewed}
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
        <div className={styles.column}>
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
              editors={
                besideStep.length > 0 ? (
                  <div
                    className={styles.column}
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
          {snapshot && snapshot.records.length > 0 && (
            <RunLog
              records={snapshot.records}
              titles={snapshot.steps.map((st) => st.title)}
              now={Date.parse(snapshot.clock) / 1000}
              onOpen={openFromRun}
            />
          )}
          {snapshot && inSetup.length > 0 && (
            <details
              className={styles.details}
              open={setupOpen}
              onToggle={(e) => setSetupOpen(e.currentTarget.open)}
            >
              <summary>Change the setup: Cedar policy and backend mode</summary>
              <div className={styles.column} style={{ marginTop: '0.5rem' }}>
                {inSetup}
              </div>
            </details>
          )}
          {snapshot && scenario && (
            <details className={styles.details}>
              <summary>Check your own token</summary>
              <PasteToken
                idPrefix={idPrefix}
                scenarioTitle={scenario.title}
                validate={sim.validateToken}
              />
            </details>
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

function fallbackScenario(id: string): ScenarioView {
  return {
    id,
    title: id,
    group: 'happy-path',
    description: '',
    expected: { result: 'success' },
    backendMode: 'passthrough',
  };
}

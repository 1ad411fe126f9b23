import { useEffect, useRef, type RefObject } from 'react';
import type { EnginePort, ScenarioView } from './engine-port';
import type { Action, Snapshot } from './useSimulator';
import { isSomeState, parseUrlState, type SimUrlState } from './lib/url-state';

interface UrlSyncOptions {
  urlStyle: 'query' | 'hash';
  /** The state the URL named when the page loaded. */
  initial: SimUrlState;
  write: (state: SimUrlState) => void;
  scenarios: readonly ScenarioView[];
  defaultScenario?: string;
  engine: EnginePort;
  rootRef: RefObject<HTMLElement | null>;
  snapshot: Snapshot | null;
  dispatch: (action: Action) => Promise<void>;
  /** Called when a link loads another state (the view goes back to the cursor). */
  onLoad: () => void;
}

/**
 * Keeps the simulator and the URL in step: opens the scenario, step, backend
 * mode, revision and clock moves the URL names, reloads on a followed
 * #sim-… link in a doc page (one naming no scenario keeps the one shown), and
 * writes the reader's place back.
 */
export function useUrlSync(o: UrlSyncOptions): void {
  const { urlStyle, initial, write, scenarios, defaultScenario, engine } = o;
  const { rootRef, snapshot, dispatch, onLoad } = o;
  const known = (id: string | undefined): id is string =>
    !!id && scenarios.some((s) => s.id === id);
  /** The scenario a URL names; else `fallback`, the page's, or the first. */
  const scenarioFor = (named: string | undefined, fallback?: string) =>
    [named, fallback, defaultScenario].find(known) ??
    scenarios[0]?.id ??
    'happy-path';
  // The scenario on screen, for a followed link that names none; the effect
  // that writes the URL keeps it current.
  const shown = useRef<string | undefined>(undefined);

  // Open the scenario and step the URL names, once.
  useEffect(() => {
    const scenarioId = scenarioFor(initial.scenario);
    void dispatch({
      kind: 'load',
      config: {
        scenarioId,
        ...(initial.mode ? { backendMode: initial.mode } : {}),
        ...(initial.rev ? { revision: initial.rev } : {}),
        policy: engine.defaultPolicy,
      },
      steps: initial.step ?? 0,
      clockMoves: initial.clock ?? [],
    });
    if (urlStyle === 'hash' && isSomeState(initial)) {
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
      // A link may name only a revision, a mode or a step: it applies to
      // the scenario on screen. An unknown scenario is ignored.
      if (!isSomeState(next)) return;
      if (next.scenario !== undefined && !known(next.scenario)) return;
      onLoad();
      void dispatch({
        kind: 'load',
        config: {
          scenarioId: scenarioFor(next.scenario, shown.current),
          policy: engine.defaultPolicy,
          ...(next.mode ? { backendMode: next.mode } : {}),
          ...(next.rev ? { revision: next.rev } : {}),
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
    shown.current = snapshot.config.scenarioId;
    const own = scenarios.find((s) => s.id === snapshot.config.scenarioId);
    const mode = snapshot.config.backendMode;
    write({
      scenario: snapshot.config.scenarioId,
      step: snapshot.cursor,
      ...(mode && mode !== own?.backendMode ? { mode } : {}),
      clock: [...snapshot.clockMoves],
      ...(snapshot.config.revision ? { rev: snapshot.config.revision } : {}),
    });
  }, [snapshot, scenarios, write]);
}

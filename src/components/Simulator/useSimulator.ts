/**
 * Holds one running simulation and serialises everything done to it (steps,
 * clock moves, reloads with another scenario, policy or backend mode), so a
 * button can never start a step while another runs.
 */
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type {
  BackendMode,
  EnginePort,
  SimulationPort,
  SpecRevision,
  StepRecord,
  StepView,
  Transcript,
} from './engine-port';
import type { ClockMove } from './lib/url-state';
import { replaySteps } from './lib/replay';

export interface SimConfig {
  scenarioId: string;
  /** Undefined: the scenario's own mode. */
  backendMode?: BackendMode;
  policy: string;
  /** Undefined: the default revision. */
  revision?: SpecRevision;
}

export interface Snapshot {
  config: SimConfig;
  steps: readonly StepView[];
  records: readonly StepRecord[];
  cursor: number;
  finished: boolean;
  backendMode: BackendMode;
  clock: string;
  /** Clock moves made by the reader, replayed on reload. */
  clockMoves: readonly ClockMove[];
  transcript: Transcript;
}

/**
 * The snapshot of a simulation after an action. Records are the engine's own
 * objects (append-only, never changed once recorded), so a record keeps its
 * identity from one snapshot to the next and memoised views skip it. The
 * transcript is assembled from them without the deep copy that
 * `sim.transcript()` makes (that copy is for export); only the clock events,
 * which change on clock moves, Back and Reset alone, are read from it.
 */
function snapshotOf(
  sim: SimulationPort,
  config: SimConfig,
  clockMoves: readonly ClockMove[],
  clockEvents: Transcript['clockEvents'],
): Snapshot {
  const records = sim.records;
  const finished = sim.finished;
  const clock = sim.clockIso();
  const failed = records.some((r) => r.status === 'failed');
  return {
    config,
    steps: sim.steps,
    records,
    cursor: sim.cursor,
    finished,
    backendMode: sim.effectiveBackendMode,
    clock,
    clockMoves,
    transcript: {
      scenarioId: sim.scenario.id as Transcript['scenarioId'],
      records: records as StepRecord[],
      finished,
      outcome: failed ? 'failure' : finished ? 'success' : 'running',
      clock,
      clockEvents,
    },
  };
}

export type Action =
  | {
      kind: 'load';
      config: SimConfig;
      steps: number;
      clockMoves?: readonly ClockMove[];
    }
  | { kind: 'next' }
  | { kind: 'back' }
  | { kind: 'reset' }
  | { kind: 'run-to-end' }
  | { kind: 'clock'; seconds: number };

export interface UseSimulator {
  snapshot: Snapshot | null;
  busy: boolean;
  error: string | null;
  /** What the last action did, for the live region. */
  lastAction: Action | null;
  dispatch: (action: Action) => Promise<void>;
  validateToken: SimulationPort['validateToken'];
}

interface State {
  snapshot: Snapshot | null;
  busy: boolean;
  error: string | null;
  lastAction: Action | null;
}

type Change =
  | { kind: 'busy' }
  | {
      kind: 'settled';
      snapshot: Snapshot | null;
      error: string | null;
      action: Action | null;
      idle: boolean;
    };

const INITIAL: State = {
  snapshot: null,
  busy: false,
  error: null,
  lastAction: null,
};

function reduce(state: State, change: Change): State {
  if (change.kind === 'busy') {
    return state.busy ? state : { ...state, busy: true };
  }
  return {
    snapshot: change.snapshot ?? state.snapshot,
    busy: !change.idle,
    error: change.error,
    lastAction: change.action ?? state.lastAction,
  };
}

/**
 * How long an action may run before the view shows it as busy. Most steps
 * settle well within it, so a click renders once (the settled step) rather
 * than twice (busy, then settled); meanwhile the hook itself refuses a second
 * step, as the disabled buttons would.
 */
const BUSY_AFTER_MS = 120;

export function useSimulator(engine: EnginePort): UseSimulator {
  const simRef = useRef<SimulationPort | null>(null);
  const configRef = useRef<SimConfig | null>(null);
  const movesRef = useRef<readonly ClockMove[]>([]);
  const eventsRef = useRef<Transcript['clockEvents']>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const busyTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, change] = useReducer(reduce, INITIAL);

  const perform = useCallback(
    async (action: Action): Promise<Snapshot | null> => {
      // Clock events change only with clock moves, Back and Reset (a reload
      // replays them): read them (a deep copy) only then.
      const eventsChanged =
        action.kind !== 'next' && action.kind !== 'run-to-end';
      if (action.kind === 'load') {
        const previous = simRef.current;
        simRef.current = null;
        if (previous) await previous.dispose();
        const sim = await engine.create(action.config);
        simRef.current = sim;
        configRef.current = action.config;
        movesRef.current = await replaySteps(
          sim,
          action.steps,
          action.clockMoves ?? [],
        );
      } else {
        const sim = simRef.current;
        if (!sim) return null;
        if (action.kind === 'next') {
          // A User Timing mark of the engine's share of a step (its requests
          // included), which the benches split from the render.
          const started = performance.now();
          await sim.next();
          performance.measure('simulator:engine-step', { start: started });
        } else if (action.kind === 'back') {
          await sim.back();
          const cursor = sim.cursor;
          movesRef.current = movesRef.current.filter((m) => m.at <= cursor);
        } else if (action.kind === 'reset') {
          await sim.reset();
          movesRef.current = [];
        } else if (action.kind === 'run-to-end') await sim.runToEnd();
        else {
          await sim.advanceClock(action.seconds);
          movesRef.current = [
            ...movesRef.current,
            { at: sim.cursor, seconds: action.seconds },
          ];
        }
      }
      const sim = simRef.current;
      const config = configRef.current;
      if (!sim || !config) return null;
      if (eventsChanged) {
        eventsRef.current = sim.transcript().clockEvents;
      }
      return snapshotOf(sim, config, movesRef.current, eventsRef.current);
    },
    [engine],
  );

  const dispatch = useCallback(
    (action: Action): Promise<void> => {
      // While something runs, only a reload may queue behind it: a step,
      // Back, Reset or a clock move is refused, as its disabled button is.
      if (pending.current > 0 && action.kind !== 'load') return queue.current;
      pending.current += 1;
      busyTimer.current ??= setTimeout(() => {
        busyTimer.current = null;
        if (pending.current > 0) change({ kind: 'busy' });
      }, BUSY_AFTER_MS);
      const run = queue.current.then(async () => {
        let snapshot: Snapshot | null = null;
        let error: string | null = null;
        try {
          snapshot = await perform(action);
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        pending.current -= 1;
        const idle = pending.current === 0;
        if (idle && busyTimer.current !== null) {
          clearTimeout(busyTimer.current);
          busyTimer.current = null;
        }
        // One state change, so a settled action is one render and one commit.
        change({
          kind: 'settled',
          snapshot,
          error,
          action: error === null ? action : null,
          idle,
        });
      });
      queue.current = run;
      return run;
    },
    [perform],
  );

  useEffect(
    () => () => {
      if (busyTimer.current !== null) clearTimeout(busyTimer.current);
      void simRef.current?.dispose();
      simRef.current = null;
    },
    [],
  );

  const validateToken = useCallback<SimulationPort['validateToken']>(
    async (raw) => {
      const sim = simRef.current;
      if (!sim) throw new Error('The simulator is not ready yet.');
      return sim.validateToken(raw);
    },
    [],
  );

  return {
    snapshot: state.snapshot,
    busy: state.busy,
    error: state.error,
    lastAction: state.lastAction,
    dispatch,
    validateToken,
  };
}

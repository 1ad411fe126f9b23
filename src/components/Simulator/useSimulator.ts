/**
 * Holds one running simulation and serialises everything done to it (steps,
 * clock moves, reloads with another scenario, policy or backend mode), so a
 * button can never start a step while another runs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
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

function snapshotOf(
  sim: SimulationPort,
  config: SimConfig,
  clockMoves: readonly ClockMove[],
): Snapshot {
  return {
    config,
    steps: sim.steps,
    records: [...sim.records],
    cursor: sim.cursor,
    finished: sim.finished,
    backendMode: sim.effectiveBackendMode,
    clock: sim.clockIso(),
    clockMoves,
    transcript: sim.transcript(),
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

export function useSimulator(engine: EnginePort): UseSimulator {
  const simRef = useRef<SimulationPort | null>(null);
  const configRef = useRef<SimConfig | null>(null);
  const movesRef = useRef<readonly ClockMove[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState<Action | null>(null);

  const perform = useCallback(
    async (action: Action): Promise<void> => {
      if (action.kind === 'load') {
        const previous = simRef.current;
        simRef.current = null;
        if (previous) await previous.dispose();
        const sim = await engine.create(action.config);
        simRef.current = sim;
        configRef.current = action.config;
        const moves = action.clockMoves ?? [];
        const applied: ClockMove[] = [];
        for (let i = 0; ; i += 1) {
          for (const move of moves.filter((m) => m.at === i)) {
            await sim.advanceClock(move.seconds);
            applied.push(move);
          }
          if (i >= action.steps || sim.finished) break;
          await sim.next();
        }
        movesRef.current = applied;
      } else {
        const sim = simRef.current;
        if (!sim) return;
        if (action.kind === 'next') await sim.next();
        else if (action.kind === 'back') {
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
      if (sim && config) {
        setSnapshot(snapshotOf(sim, config, movesRef.current));
      }
    },
    [engine],
  );

  const dispatch = useCallback(
    (action: Action): Promise<void> => {
      pending.current += 1;
      setBusy(true);
      const run = queue.current.then(async () => {
        try {
          await perform(action);
          setError(null);
          setLastAction(action);
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        } finally {
          pending.current -= 1;
          if (pending.current === 0) setBusy(false);
        }
      });
      queue.current = run;
      return run;
    },
    [perform],
  );

  useEffect(
    () => () => {
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

  return { snapshot, busy, error, lastAction, dispatch, validateToken };
}

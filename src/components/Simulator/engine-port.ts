/**
 * The part of the engine's public API (src/simulator/index.ts) the UI uses,
 * written as structural types so the UI states exactly what it relies on.
 */
import type {
  BackendMode,
  CheckVerdict,
  DecodedToken,
  DiagramRef,
  SpecRevision,
} from '@site/src/simulator/engine/types';
import type {
  StepRecord,
  Transcript,
} from '@site/src/simulator/scenarios/records';
import type {
  ExpectedOutcome,
  ScenarioGroup,
} from '@site/src/simulator/scenarios/scenarios';
import type { ClockMove } from './lib/url-state';

export type {
  BackendMode,
  CheckVerdict,
  DecodedToken,
  SpecRevision,
  StepRecord,
  Transcript,
};

export interface ScenarioView {
  id: string;
  title: string;
  group: ScenarioGroup;
  description: string;
  expected: ExpectedOutcome;
  /** The expected outcome under each spec revision. */
  expectedByRevision: Readonly<Record<SpecRevision, ExpectedOutcome>>;
  /** The backend mode the scenario uses unless the reader picks another. */
  backendMode: BackendMode;
}

export interface StepView {
  id: string;
  title: string;
  actors: readonly string[];
  diagram?: DiagramRef | null;
  refs: readonly string[];
}

export interface StepTeaching {
  /** What happens and why, as short paragraphs of plain text. */
  paragraphs: string[];
}

export interface ReferenceView {
  id: string;
  title: string;
  url: string;
}

export interface DeviationView {
  id: string;
  title: string;
  detail: string;
  refs: ReferenceView[];
}

export interface PastedTokenResult {
  verdicts: CheckVerdict[];
  token: DecodedToken | null;
  accepted: boolean;
  summary: string;
}

/** One running scenario; every call may be async. */
export interface SimulationPort {
  readonly scenario: ScenarioView;
  readonly steps: readonly StepView[];
  readonly records: readonly StepRecord[];
  readonly cursor: number;
  readonly finished: boolean;
  /** The backend mode in force (the scenario's unless overridden). */
  readonly effectiveBackendMode: BackendMode;
  clockIso(): string;
  next(): Promise<void>;
  back(): Promise<void>;
  reset(): Promise<void>;
  runToEnd(): Promise<void>;
  advanceClock(seconds: number): Promise<void>;
  transcript(): Transcript;
  validateToken(raw: string): Promise<PastedTokenResult>;
  dispose(): Promise<void>;
}

/** What the other spec revision does at a step, with the section that says so. */
export interface RevisionNote {
  sentence: string;
  reference: ReferenceView | null;
}

interface SimulationOptions {
  scenarioId: string;
  /** Undefined: the default revision (2025-11-25). */
  revision?: SpecRevision;
  /** Undefined: the scenario's own mode. */
  backendMode?: BackendMode;
  policy: string;
}

export type TransportKind = 'service-worker' | 'in-page';

/** Everything the UI needs from the engine, loaded lazily as one unit. */
export interface EnginePort {
  scenarios: readonly ScenarioView[];
  defaultPolicy: string;
  transport: { kind: TransportKind; reason?: string };
  create(options: SimulationOptions): Promise<SimulationPort>;
  teaching(stepId: string): StepTeaching | null;
  reference(id: string): ReferenceView | null;
  /**
   * What the other revision does differently at a step while `current` runs;
   * null when the step is the same under both.
   */
  revisionNote(stepId: string, current: SpecRevision): RevisionNote | null;
  deviation(id: string): DeviationView | null;
  /** Cedar's own parse errors for a policy set, with their line; empty when it parses. */
  checkPolicy(policy: string): Promise<string[]>;
  /**
   * Loads Cedar and makes one throwaway decision with the default policy, so
   * the first authorization step does not compile Cedar's evaluator.
   */
  warmCedar(): Promise<void>;
  /**
   * Runs a scenario's first `steps` steps in a separate world on the in-page
   * transport, with the same clock moves, leaving the shown run alone: used
   * to compare backend modes.
   */
  runDetached(
    options: SimulationOptions,
    steps: number,
    clockMoves?: readonly ClockMove[],
  ): Promise<readonly StepRecord[]>;
  stop(): Promise<void>;
}

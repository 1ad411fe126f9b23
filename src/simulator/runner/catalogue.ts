/**
 * The catalogue as the UI and tools see it: the step and scenario tables
 * joined with their teaching text.
 */
import {
  SPEC_REVISIONS,
  type ActorId,
  type BackendMode,
  type DiagramRef,
  type SpecRevision,
} from '../engine/types';
import type { RefId } from '../engine/references';
import { STEPS, type StepId } from '../scenarios/steps';
import {
  SCENARIOS,
  expectedFor,
  type ExpectedOutcome,
  type ScenarioGroup,
  type ScenarioId,
  type ScenarioRow,
} from '../scenarios/scenarios';
import { STEP_CONTENT } from '../content/steps';
import { SCENARIO_CONTENT } from '../content/scenarios';

export interface StepDef {
  id: StepId;
  title: string;
  actors: ActorId[];
  diagram: DiagramRef;
  refs: RefId[];
}

export interface ScenarioDef {
  id: ScenarioId;
  title: string;
  group: ScenarioGroup;
  description: string;
  /** The expected outcome under the default revision (2025-11-25). */
  expected: ExpectedOutcome;
  /** The expected outcome under each revision. */
  expectedByRevision: Record<SpecRevision, ExpectedOutcome>;
  refs: RefId[];
  backendMode: BackendMode;
}

export function stepDef(id: StepId): StepDef {
  const step = STEPS[id];
  return {
    id,
    title: STEP_CONTENT[id].title,
    actors: [...step.actors],
    diagram: { ...step.diagram },
    refs: [...step.refs],
  };
}

export function scenarioDef(row: ScenarioRow<ScenarioId>): ScenarioDef {
  const c = SCENARIO_CONTENT[row.id];
  return {
    id: row.id,
    title: c.title,
    group: row.group,
    description: c.description,
    expected: { ...row.expected },
    expectedByRevision: Object.fromEntries(
      SPEC_REVISIONS.map((r) => [r, { ...expectedFor(row, r) }]),
    ) as Record<SpecRevision, ExpectedOutcome>,
    refs: [...row.refs],
    backendMode: row.config.backendMode ?? 'passthrough',
  };
}

export function listScenarios(): ScenarioDef[] {
  return SCENARIOS.map(scenarioDef);
}

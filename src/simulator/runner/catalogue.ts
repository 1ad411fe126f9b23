/**
 * The catalogue as the UI and tools see it: the step and scenario tables
 * joined with their teaching text.
 */
import type { ActorId, BackendMode, DiagramRef } from '../engine/types';
import type { RefId } from '../engine/references';
import { STEPS, type StepId } from '../scenarios/steps';
import {
  SCENARIOS,
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
  expected: ExpectedOutcome;
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
    refs: [...row.refs],
    backendMode: row.config.backendMode ?? 'passthrough',
  };
}

export function listScenarios(): ScenarioDef[] {
  return SCENARIOS.map(scenarioDef);
}

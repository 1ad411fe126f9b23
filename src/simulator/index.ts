/**
 * Public entry of the simulator engine. Framework-free: no React, no DOM.
 * See README.md in this folder for the map.
 */
export type * from './engine/types';
export {
  BACKEND_MODES,
  DEFAULT_REVISION,
  SPEC_REVISIONS,
  isSpecRevision,
} from './engine/types';
export type { StepRecord, Transcript } from './scenarios/records';
export type {
  ExpectedOutcome,
  ScenarioGroup,
  ScenarioId,
} from './scenarios/scenarios';
export { SCENARIOS, isScenarioId } from './scenarios/scenarios';
export type { StepId } from './scenarios/steps';
export { STEPS, isStepId } from './scenarios/steps';
export { createSimulation, checkPolicy } from './runner/simulation';
export type { Simulation, SimulationOptions } from './runner/simulation';
export { createWorld } from './runner/create-world';
export type { CreateWorldOptions } from './runner/create-world';
export { listScenarios } from './runner/catalogue';
export type { ScenarioDef, StepDef } from './runner/catalogue';
export { DEFAULT_CEDAR_POLICY } from './engine/policy';
export { REFERENCES } from './engine/references';
export type { RefId, Reference } from './engine/references';
export { DEVIATIONS } from './content/deviations';
export type { Deviation } from './content/deviations';
export { STEP_CONTENT } from './content/steps';
export type { StepContent } from './content/steps';
export { SCENARIO_CONTENT } from './content/scenarios';
export {
  REVISION_DIFFERENCES,
  revisionDifference,
} from './content/revision-differences';
export type { RevisionDifference } from './content/revision-differences';
export {
  ACTOR_LABELS,
  BACKEND_MODE_LABELS,
  CHECK_LABELS,
} from './content/labels';
export {
  AUTHN_DIAGRAM_MESSAGES,
  AUTHZ_DIAGRAM_MESSAGES,
  authnDiagramSource,
  authzDiagramSource,
} from './format/mermaid';
export { SimError } from './engine/errors';
export type { SimErrorCode } from './engine/errors';
export type { CedarApi, CedarLoader } from './engine/cedar-api';
export { cachedLoader, webCedarLoader } from './engine/cedar-api';
export { warmAuthorizer } from './actors/toolhive/cedar';
export { World } from './world/world';
export { DEFAULT_URLS } from './world/setups';
export type { WorldUrls } from './world/setups';
export type { WorldConfig } from './world/config';
export { createHandlers, createDynamicHandlers } from './http/handlers';
export { createInPageTransport } from './http/fallback';
export type { Transport } from './http/transport';

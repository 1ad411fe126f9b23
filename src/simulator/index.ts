/**
 * Public entry of the simulator engine. Framework-free: no React, no DOM.
 */
export type * from './engine/types';
export {
  createSimulation,
  createScenarioWorld,
  checkPolicy,
} from './engine/simulation';
export type {
  Simulation,
  SimulationOptions,
  ToolHiveConfigView,
} from './engine/simulation';
export { listScenarios, SCENARIOS } from './engine/scenarios';
export type { ScenarioDef } from './engine/scenarios';
export type { StepDef } from './engine/steps';
export { DEFAULT_CEDAR_POLICY } from './engine/policy';
export { REFERENCES, reference, TOOLHIVE_COMMIT } from './engine/references';
export type { RefId, Reference } from './engine/references';
export { DEVIATIONS } from './content/deviations';
export type { Deviation } from './content/deviations';
export { STEP_CONTENT } from './content/steps';
export type { StepContent, KnownStepId } from './content/steps';
export { SCENARIO_CONTENT } from './content/scenarios';
export {
  AUTHN_DIAGRAM_MESSAGES,
  AUTHZ_DIAGRAM_MESSAGES,
  authnDiagramSource,
  authzDiagramSource,
} from './engine/diagrams';
export { SimError } from './engine/errors';
export type { SimErrorCode } from './engine/errors';
export type { CedarApi, CedarLoader } from './engine/cedar-api';
export { DEFAULT_URLS, World } from './engine/world';
export { createHandlers, createDynamicHandlers } from './http/handlers';
export type { WorldUrls } from './engine/world';
export { createInPageTransport } from './http/fallback';
export type { Transport } from './http/transport';
export { START_INSTANT_MS } from './engine/clock';

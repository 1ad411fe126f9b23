/**
 * The one way to build a world, used by the simulation, the local mock
 * server and the tests: a scenario id (its row's configuration) or an
 * explicit WorldConfig, the demo URLs with any overrides, the policy, Cedar,
 * and the MSW handlers the client's transports use.
 */
import type { BackendMode, SpecRevision } from '../engine/types';
import {
  cachedLoader,
  defaultCedarLoader,
  type CedarLoader,
} from '../engine/cedar-api';
import type { CedarApi } from '../engine/cedar-api';
import { DEFAULT_CEDAR_POLICY } from '../engine/policy';
import { scenarioRow, worldConfigFor } from '../scenarios/scenarios';
import type { WorldConfig } from '../world/config';
import { DEFAULT_URLS, type WorldUrls } from '../world/setups';
import { World, type WorldInit } from '../world/world';
import { createHandlers } from '../http/handlers';

export interface CreateWorldOptions {
  /** A scenario id, or a configuration built from one (tests patch it). */
  scenario: string | WorldConfig;
  /** Overrides the scenario's backend mode. */
  backendMode?: BackendMode;
  /** The spec revision to follow. Default: the scenario's, else 2025-11-25. */
  revision?: SpecRevision;
  /** Rewrites the simulated hosts (for a local mock server). */
  urls?: Partial<WorldUrls>;
  /** Cedar policy text. Default: DEFAULT_CEDAR_POLICY. */
  policy?: string;
  /** Loads Cedar; wrapped so it loads once. Default: the Node build. */
  loadCedar?: CedarLoader | (() => Promise<CedarApi>);
  /** The client's transport. Default: the world's own routes. */
  send?: WorldInit['send'];
  recorderLimit?: WorldInit['recorderLimit'];
  wrapRoute?: WorldInit['wrapRoute'];
}

export function configFor(
  scenarioId: string,
  backendMode?: BackendMode,
  revision?: SpecRevision,
): WorldConfig {
  const row = scenarioRow(scenarioId);
  if (!row) throw new Error(`unknown scenario id: ${scenarioId}`);
  return worldConfigFor(row, backendMode, revision);
}

export function createWorld(options: CreateWorldOptions): World {
  const config =
    typeof options.scenario === 'string'
      ? configFor(options.scenario, options.backendMode, options.revision)
      : {
          ...options.scenario,
          ...(options.backendMode ? { backendMode: options.backendMode } : {}),
          ...(options.revision ? { revision: options.revision } : {}),
        };
  return new World({
    config,
    urls: { ...DEFAULT_URLS, ...options.urls },
    policy: options.policy ?? DEFAULT_CEDAR_POLICY,
    cedar: cachedLoader(options.loadCedar ?? defaultCedarLoader),
    handlers: createHandlers,
    ...(options.send ? { send: options.send } : {}),
    ...(options.recorderLimit !== undefined
      ? { recorderLimit: options.recorderLimit }
      : {}),
    ...(options.wrapRoute ? { wrapRoute: options.wrapRoute } : {}),
  });
}

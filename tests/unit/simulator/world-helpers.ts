import type { World } from '../../../src/simulator/world/world';
import type { WorldConfig } from '../../../src/simulator/world/config';
import {
  configFor,
  createWorld,
} from '../../../src/simulator/runner/create-world';
import { DEFAULT_CEDAR_POLICY } from '../../../src/simulator/engine/policy';
import {
  defaultCedarLoader,
  type CedarLoader,
} from '../../../src/simulator/engine/cedar-api';

/** A world for one scenario's configuration, with an optional patch, answering through its own handlers. */
export function makeWorld(
  scenarioId = 'happy-path',
  patch?: (c: WorldConfig) => void,
  loadCedar: CedarLoader = defaultCedarLoader,
  policy: string = DEFAULT_CEDAR_POLICY,
): World {
  const config = configFor(scenarioId);
  patch?.(config);
  return createWorld({ scenario: config, policy, loadCedar });
}

export function get(
  world: World,
  url: string,
  init?: RequestInit,
): Promise<Response> {
  return world.internalFetch(new Request(url, init));
}

export function rpcInit(
  token: string | null,
  method = 'initialize',
  params: Record<string, unknown> = {},
): RequestInit {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
  };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  };
}

/** Mints a normal access token for the MCP server from the world's AS. */
export function mint(
  world: World,
  extra: Record<string, unknown> = {},
  aud = world.urls.mcp,
): Promise<string> {
  return world.as.mintAccessToken({
    sub: 'alice',
    aud,
    clientId: 'demo-desktop-client',
    scope: 'mcp:tools',
    extra,
  });
}

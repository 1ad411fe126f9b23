/** ToolHive's configuration as the simulator models it, and its URL helpers. */
import type { BackendMode } from '../../engine/types';
import type { AuthorizationServer } from '../authorization-server';
import type { ValidatorConfig } from './results';

export const PRM_PATH = '/.well-known/oauth-protected-resource';

export interface ToolHiveOptions {
  /** --resource-url; '' means unset (PRM 404, no resource_metadata). */
  resourceUrl: string;
  /** The MCP endpoint this proxy serves (normally the resource URL). */
  mcpUrl: string;
  validator: ValidatorConfig;
  /** --oidc-scopes. Empty: PRM advertises ["openid"] and the challenge has no scope. */
  scopes: string[];
  /** MCP server name, the Cedar parent MCP::"<name>". */
  serverName: string;
  backendUrl: string;
  backendMode: BackendMode;
  tokenExchange: {
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
    audience: string;
  } | null;
  /** Cedar policy text; null disables authorization. */
  policy: string | null;
  /**
   * Spec behaviour that ToolHive v0.44 does not have: answer tools/call with
   * 403 insufficient_scope when the token lacks these scopes.
   */
  specStepUp: {
    requiredScopes: Record<string, string[]>;
    /** Name the granted scopes in the challenge too (2025-11-25 guidance). */
    repeatGranted: boolean;
  } | null;
  /** The embedded AS, when ToolHive runs one (in-process keys, upstream tokens). */
  embeddedAs: AuthorizationServer | null;
}

/** RFC 6750 quoted-string escaping as ToolHive's EscapeQuotes does it. */
export function q(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The resource_metadata URL: well-known prefix plus the resource path, "/" dropped. */
export function resourceMetadataUrl(resourceUrl: string): string {
  const u = new URL(resourceUrl);
  const path = u.pathname === '/' ? '' : u.pathname;
  return `${u.protocol}//${u.host}${PRM_PATH}${path}`;
}

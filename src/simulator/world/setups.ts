/**
 * The demo set-ups as data: the simulated hosts, the authorization server's
 * two layouts (standalone, or embedded in ToolHive with an upstream IdP), the
 * demo clients and user, and ToolHive's defaults. `world.ts` turns a
 * scenario's WorldConfig plus these into actor options.
 */
import {
  TOKEN_EXCHANGE_GRANT,
  type AuthorizationServerOptions,
  type DemoUser,
  type RegisteredClient,
} from '../actors/authorization-server';
import type { IdpOptions } from '../actors/idp';
import type { ClientOptions } from '../actors/client';
import { DEFAULT_REVISION, type SpecRevision } from '../engine/types';

export interface WorldUrls {
  /** The MCP server (ToolHive) endpoint and resource identifier. */
  mcp: string;
  /** A second protected MCP server behind the same AS (token replay target). */
  otherMcp: string;
  /** The standalone authorization server's issuer. */
  authServer: string;
  idp: string;
  /** The backend MCP server ToolHive proxies to. */
  backend: string;
  /** The client's Client ID Metadata Document URL (its CIMD client_id). */
  clientMetadata: string;
  /** The client's loopback redirect URI. */
  redirectUri: string;
}

export const DEFAULT_URLS: WorldUrls = {
  mcp: 'https://mcp.example.com/mcp',
  otherMcp: 'https://other-mcp.example.com/mcp',
  authServer: 'https://auth.example.com',
  idp: 'https://idp.example.com',
  backend: 'https://backend.example.com/mcp',
  clientMetadata: 'https://app.example.com/oauth/client-metadata.json',
  redirectUri: 'http://127.0.0.1:33418/callback',
};

const PRE_REGISTERED_CLIENT_ID = 'demo-desktop-client';

export const DEMO_USER: DemoUser = {
  sub: 'alice',
  claims: { roles: ['developer'] },
};

/** Endpoint paths of the two authorization server layouts. */
export const AS_LAYOUTS: Record<
  'standalone' | 'embedded',
  AuthorizationServerOptions['paths']
> = {
  standalone: {
    authorize: '/authorize',
    token: '/token',
    register: '/register',
    jwks: '/jwks',
    introspect: '/introspect',
    revoke: '/revoke',
    callback: null,
  },
  // ToolHive's embedded AS on the MCP server's own origin.
  embedded: {
    authorize: '/oauth/authorize',
    token: '/oauth/token',
    register: '/oauth/register',
    jwks: '/.well-known/jwks.json',
    introspect: null,
    revoke: null,
    callback: '/oauth/callback',
  },
};

/** Lifetimes and keys every demo authorization server uses (seconds). */
export const AS_DEFAULTS: Pick<
  AuthorizationServerOptions,
  | 'scopesSupported'
  | 'accessTokenTtl'
  | 'refreshTokenTtl'
  | 'codeTtl'
  | 'delegationTtl'
  | 'signingKey'
  | 'extraPublishedKeys'
> & { jwksMaxAge: number } = {
  scopesSupported: ['openid', 'mcp:tools', 'mcp:admin'],
  accessTokenTtl: 3600,
  refreshTokenTtl: 7 * 24 * 3600,
  codeTtl: 600,
  delegationTtl: 900,
  jwksMaxAge: 900,
  signingKey: 'asMain',
  extraPublishedKeys: ['asEc'],
};

export function preRegisteredClients(urls: WorldUrls): RegisteredClient[] {
  return [
    {
      clientId: PRE_REGISTERED_CLIENT_ID,
      redirectUris: [urls.redirectUri],
      grantTypes: ['authorization_code', 'refresh_token'],
      name: 'Demo desktop client',
      kind: 'pre-registered',
    },
  ];
}

/** ToolHive's own confidential clients at the AS. */
export const TOOLHIVE_CLIENTS: Record<
  'introspection' | 'exchange',
  RegisteredClient & { secret: string }
> = {
  introspection: {
    clientId: 'toolhive-rs',
    secret: 'demo-introspection-secret',
    redirectUris: [],
    grantTypes: [],
    name: 'ToolHive (introspection)',
    kind: 'confidential',
  },
  exchange: {
    clientId: 'toolhive-exchange',
    secret: 'demo-exchange-secret',
    redirectUris: [],
    grantTypes: [TOKEN_EXCHANGE_GRANT],
    name: 'ToolHive (token exchange)',
    kind: 'confidential',
  },
};

/** The embedded AS's client at the upstream IdP. */
export const EMBEDDED_AS_UPSTREAM_CLIENT = {
  clientId: 'toolhive-embedded-as',
  scope: 'openid email',
};

export function idpOptions(urls: WorldUrls): IdpOptions {
  return {
    issuer: urls.idp,
    clientId: EMBEDDED_AS_UPSTREAM_CLIENT.clientId,
    user: {
      sub: 'idp-user-8841',
      email: 'alice@example.com',
      groups: ['developers'],
    },
    tokenTtl: 3600,
  };
}

/** ToolHive's settings the scenarios do not change. */
export const TOOLHIVE_DEFAULTS = {
  scopes: ['mcp:tools'],
  serverName: 'demo-server',
};

export const DEMO_CLIENT_NAME = 'Example MCP Client';

export function demoClientOptions(
  urls: WorldUrls,
  preRegistered: boolean,
  knobs: Partial<
    Pick<ClientOptions, 'pkceFault' | 'supportsCimd' | 'heldCredentials'>
  >,
  revision: SpecRevision = DEFAULT_REVISION,
): ClientOptions {
  return {
    revision,
    mcpUrl: urls.mcp,
    redirectUri: urls.redirectUri,
    clientName: DEMO_CLIENT_NAME,
    cimdUrl: urls.clientMetadata,
    supportsCimd: knobs.supportsCimd ?? true,
    preRegisteredClientId: preRegistered ? PRE_REGISTERED_CLIENT_ID : null,
    pkceFault: knobs.pkceFault ?? 'none',
    maxStepUp: 2,
    ...(knobs.heldCredentials
      ? { heldCredentials: knobs.heldCredentials }
      : {}),
  };
}

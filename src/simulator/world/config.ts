/**
 * From a scenario's WorldConfig and the demo set-ups to each actor's
 * options. Pure functions: the same config always gives the same options.
 */
import type { BackendMode, SpecRevision } from '../engine/types';
import type {
  AuthorizationServer,
  AuthorizationServerOptions,
  DemoUser,
} from '../actors/authorization-server';
import type { ToolHiveOptions } from '../actors/toolhive';
import type { ClientOptions } from '../actors/client';
import {
  AS_DEFAULTS,
  AS_LAYOUTS,
  EMBEDDED_AS_UPSTREAM_CLIENT,
  TOOLHIVE_CLIENTS,
  TOOLHIVE_DEFAULTS,
  preRegisteredClients,
  type WorldUrls,
} from './setups';

/** The fault knobs and configuration a scenario row can set. */
export interface WorldConfig {
  /** The MCP spec revision the client and the spec-following AS follow. */
  revision: SpecRevision;
  embeddedAs: boolean;
  backendMode: BackendMode;
  registration: 'dcr' | 'cimd' | 'pre-registered';
  authServer: Partial<
    Pick<
      AuthorizationServerOptions,
      | 'advertiseS256'
      | 'allowedResources'
      | 'consent'
      | 'tokenFormat'
      | 'jwksMaxAge'
      | 'omitSub'
      | 'issuerClaimOverride'
      | 'callbackStateOverride'
      | 'scopesSupported'
      | 'sendIss'
      | 'issOverride'
      | 'metadataIssuerOverride'
    >
  >;
  toolhive: {
    /** --oidc-audience; null leaves it unset (aud not checked). Default: the resource URL. */
    audience?: string | null;
    scopes?: string[];
    introspection?: boolean;
    /** Enable Cedar authorization with the simulation's policy. */
    authz?: boolean;
    specStepUp?: Record<string, string[]>;
  };
  client: Partial<
    Pick<ClientOptions, 'pkceFault' | 'supportsCimd' | 'heldCredentials'>
  >;
  user: DemoUser;
}

export function authServerOptions(
  config: WorldConfig,
  urls: WorldUrls,
  issuer: string,
): AuthorizationServerOptions {
  const as = config.authServer;
  return {
    issuer,
    paths: AS_LAYOUTS[config.embeddedAs ? 'embedded' : 'standalone'],
    ...AS_DEFAULTS,
    advertiseS256: as.advertiseS256 ?? true,
    cimdSupported: config.registration === 'cimd',
    dcrEnabled: true,
    allowedResources: as.allowedResources ?? [
      urls.mcp,
      urls.otherMcp,
      urls.backend,
    ],
    scopesSupported: as.scopesSupported ?? [...AS_DEFAULTS.scopesSupported],
    consent: as.consent ?? 'approve',
    tokenFormat: as.tokenFormat ?? 'jwt',
    jwksMaxAge:
      as.jwksMaxAge === undefined ? AS_DEFAULTS.jwksMaxAge : as.jwksMaxAge,
    omitSub: as.omitSub ?? false,
    issuerClaimOverride: as.issuerClaimOverride ?? null,
    callbackStateOverride: as.callbackStateOverride ?? null,
    // RFC 9207 `iss`: 2026-07-28 says the AS SHOULD send it; 2025-11-25 does
    // not mention it. ToolHive's embedded AS is not known to send it (no fact
    // says so), so it never does unless a scenario asks.
    sendIss:
      as.sendIss ??
      (as.issOverride !== undefined && as.issOverride !== null
        ? true
        : !config.embeddedAs && config.revision === '2026-07-28'),
    issOverride: as.issOverride ?? null,
    metadataIssuerOverride: as.metadataIssuerOverride ?? null,
    preRegistered: preRegisteredClients(urls),
    confidentialClients: [
      TOOLHIVE_CLIENTS.introspection,
      TOOLHIVE_CLIENTS.exchange,
    ],
    user: config.user,
    upstream: config.embeddedAs
      ? {
          authorizeUrl: `${urls.idp}/authorize`,
          tokenUrl: `${urls.idp}/token`,
          ...EMBEDDED_AS_UPSTREAM_CLIENT,
        }
      : null,
  };
}

export function toolhiveOptions(
  config: WorldConfig,
  urls: WorldUrls,
  as: AuthorizationServer,
  issuer: string,
  resource: string,
  policy: string,
): ToolHiveOptions {
  const th = config.toolhive;
  const audience = th.audience === undefined ? urls.mcp : th.audience;
  const rs = TOOLHIVE_CLIENTS.introspection;
  const exchange = TOOLHIVE_CLIENTS.exchange;
  return {
    resourceUrl: resource,
    mcpUrl: resource,
    validator: {
      issuer,
      audience: resource === urls.mcp ? (audience ?? '') : resource,
      jwksUrl: null,
      introspectionUrl: th.introspection ? as.endpoint('introspect') : null,
      clientId: th.introspection ? rs.clientId : null,
      clientSecret: th.introspection ? rs.secret : null,
    },
    scopes: th.scopes ?? [...TOOLHIVE_DEFAULTS.scopes],
    serverName: TOOLHIVE_DEFAULTS.serverName,
    backendUrl: urls.backend,
    backendMode: config.backendMode,
    tokenExchange:
      config.backendMode === 'token-exchange'
        ? {
            tokenUrl: as.endpoint('token') ?? `${issuer}/token`,
            clientId: exchange.clientId,
            clientSecret: exchange.secret,
            audience: urls.backend,
          }
        : null,
    policy: th.authz ? policy : null,
    specStepUp: th.specStepUp
      ? {
          requiredScopes: th.specStepUp,
          // 2026-07-28: the challenge names what the operation needs and
          // need not repeat granted scopes; 2025-11-25's guidance has the
          // server name the granted scopes too.
          repeatGranted: config.revision !== '2026-07-28',
        }
      : null,
    embeddedAs: config.embeddedAs ? as : null,
  };
}

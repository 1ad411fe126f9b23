/**
 * A world: one fresh set of actors for one run of one scenario, on one
 * simulated clock, with one exchange recorder. Base URLs come from a config
 * object so a local mock server can serve the same actors on 127.0.0.1.
 */
import { getResponse, type RequestHandler } from 'msw';
import { SimClock } from './clock';
import { SeededIds } from './ids';
import { ExchangeRecorder } from './recorder';
import { newStepContext, type ActorHost, type StepContext } from './host';
import type { CedarApi, CedarLoader } from './cedar-api';
import type { ActorId, BackendMode } from './types';
import { SimError } from './errors';
import {
  createAuthorizationServer,
  TOKEN_EXCHANGE_GRANT,
  type AuthorizationServerOptions,
  type DemoUser,
} from '../actors/authorization-server';
import { createToolHive, type ToolHiveOptions } from '../actors/toolhive';
import { createBackend, DEMO_TOOLS } from '../actors/backend';
import { createIdp } from '../actors/idp';
import { createClient, type ClientOptions } from '../actors/client';
import { createClientMetadataHost } from '../actors/client-metadata-host';

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

export const PRE_REGISTERED_CLIENT_ID = 'demo-desktop-client';
export const DEMO_USER: DemoUser = {
  sub: 'alice',
  claims: { roles: ['developer'] },
};

/** The fault knobs and configuration a scenario row can set. */
export interface WorldConfig {
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
  client: Partial<Pick<ClientOptions, 'pkceFault' | 'supportsCimd'>>;
  user: DemoUser;
}

export interface Route {
  actor: ActorId;
  origin: string;
  matches(pathname: string): boolean;
  handle(request: Request): Promise<Response>;
}

export type HandlerFactory = (world: World) => RequestHandler[];

export interface WorldInit {
  config: WorldConfig;
  urls: WorldUrls;
  policy: string;
  cedar: () => Promise<CedarApi>;
  /** Builds the MSW handlers for this world (http/handlers.ts). */
  handlers: HandlerFactory;
  /** The client's transport (set once the simulation attaches one). */
  send: (request: Request) => Promise<Response>;
}

export class World implements ActorHost {
  readonly clock = new SimClock();
  readonly ids = new SeededIds();
  readonly recorder = new ExchangeRecorder();
  readonly urls: WorldUrls;
  readonly config: WorldConfig;
  readonly policy: string;
  ctx: StepContext = newStepContext('setup');
  /** When false, handlers answer but do not record (used by validateToken). */
  recording = true;
  readonly #cedar: () => Promise<CedarApi>;
  readonly handlers: RequestHandler[];
  readonly routes: Route[];
  readonly as;
  readonly toolhive;
  readonly otherMcp;
  readonly backend;
  readonly idp;
  readonly client;
  /** The client's transport. */
  readonly send: (request: Request) => Promise<Response>;

  constructor(init: WorldInit) {
    this.send = (request) => init.send(request);
    const { config, urls } = init;
    this.urls = urls;
    this.config = config;
    this.policy = init.policy;
    this.#cedar = init.cedar;
    const mcpOrigin = new URL(urls.mcp).origin;
    const issuer = config.embeddedAs ? mcpOrigin : urls.authServer;
    const scopes = config.authServer.scopesSupported ?? [
      'openid',
      'mcp:tools',
      'mcp:admin',
    ];
    const asOptions: AuthorizationServerOptions = {
      issuer,
      paths: config.embeddedAs
        ? {
            authorize: '/oauth/authorize',
            token: '/oauth/token',
            register: '/oauth/register',
            jwks: '/.well-known/jwks.json',
            introspect: null,
            revoke: null,
            callback: '/oauth/callback',
          }
        : {
            authorize: '/authorize',
            token: '/token',
            register: '/register',
            jwks: '/jwks',
            introspect: '/introspect',
            revoke: '/revoke',
            callback: null,
          },
      advertiseS256: config.authServer.advertiseS256 ?? true,
      cimdSupported: config.registration === 'cimd',
      dcrEnabled: true,
      allowedResources: config.authServer.allowedResources ?? [
        urls.mcp,
        urls.otherMcp,
        urls.backend,
      ],
      scopesSupported: scopes,
      consent: config.authServer.consent ?? 'approve',
      tokenFormat: config.authServer.tokenFormat ?? 'jwt',
      accessTokenTtl: 3600,
      refreshTokenTtl: 7 * 24 * 3600,
      codeTtl: 600,
      delegationTtl: 900,
      jwksMaxAge:
        config.authServer.jwksMaxAge === undefined
          ? 900
          : config.authServer.jwksMaxAge,
      omitSub: config.authServer.omitSub ?? false,
      issuerClaimOverride: config.authServer.issuerClaimOverride ?? null,
      callbackStateOverride: config.authServer.callbackStateOverride ?? null,
      signingKey: 'asMain',
      extraPublishedKeys: ['asEc'],
      preRegistered: [
        {
          clientId: PRE_REGISTERED_CLIENT_ID,
          redirectUris: [urls.redirectUri],
          grantTypes: ['authorization_code', 'refresh_token'],
          name: 'Demo desktop client',
          kind: 'pre-registered',
        },
      ],
      confidentialClients: [
        {
          clientId: 'toolhive-rs',
          secret: 'demo-introspection-secret',
          redirectUris: [],
          grantTypes: [],
          name: 'ToolHive (introspection)',
          kind: 'confidential',
        },
        {
          clientId: 'toolhive-exchange',
          secret: 'demo-exchange-secret',
          redirectUris: [],
          grantTypes: [TOKEN_EXCHANGE_GRANT],
          name: 'ToolHive (token exchange)',
          kind: 'confidential',
        },
      ],
      user: config.user,
      upstream: config.embeddedAs
        ? {
            authorizeUrl: `${urls.idp}/authorize`,
            tokenUrl: `${urls.idp}/token`,
            clientId: 'toolhive-embedded-as',
            scope: 'openid email',
          }
        : null,
    };
    this.as = createAuthorizationServer(this, asOptions);
    this.idp = createIdp(this, {
      issuer: urls.idp,
      clientId: 'toolhive-embedded-as',
      user: {
        sub: 'idp-user-8841',
        email: 'alice@example.com',
        groups: ['developers'],
      },
      tokenTtl: 3600,
    });
    const th = config.toolhive;
    const audience = th.audience === undefined ? urls.mcp : th.audience;
    const toolhiveOptions = (
      resource: string,
      backend: string,
    ): ToolHiveOptions => ({
      resourceUrl: resource,
      mcpUrl: resource,
      validator: {
        issuer,
        audience: resource === urls.mcp ? (audience ?? '') : resource,
        jwksUrl: null,
        introspectionUrl: th.introspection
          ? this.as.endpoint('introspect')
          : null,
        clientId: th.introspection ? 'toolhive-rs' : null,
        clientSecret: th.introspection ? 'demo-introspection-secret' : null,
      },
      scopes: th.scopes ?? ['mcp:tools'],
      serverName: 'demo-server',
      backendUrl: backend,
      backendMode: config.backendMode,
      tokenExchange:
        config.backendMode === 'token-exchange'
          ? {
              tokenUrl: this.as.endpoint('token') ?? `${issuer}/token`,
              clientId: 'toolhive-exchange',
              clientSecret: 'demo-exchange-secret',
              audience: urls.backend,
            }
          : null,
      policy: th.authz ? init.policy : null,
      specStepUp: th.specStepUp ? { requiredScopes: th.specStepUp } : null,
      embeddedAs: config.embeddedAs ? this.as : null,
    });
    this.toolhive = createToolHive(
      this,
      toolhiveOptions(urls.mcp, urls.backend),
    );
    this.otherMcp = createToolHive(this, {
      ...toolhiveOptions(urls.otherMcp, urls.backend),
      policy: null,
      embeddedAs: null,
    });
    this.backend = createBackend(this, {
      url: urls.backend,
      tools: DEMO_TOOLS,
    });
    const cimdHost = createClientMetadataHost({
      clientIdUrl: urls.clientMetadata,
      redirectUris: [urls.redirectUri],
      clientName: 'Example MCP Client',
    });
    this.routes = [
      {
        actor: 'authorization-server',
        origin: this.as.origin,
        matches: this.as.matches,
        handle: this.as.handle,
      },
      {
        actor: 'toolhive',
        origin: this.toolhive.origin,
        matches: () => true,
        handle: this.toolhive.handle,
      },
      {
        actor: 'other-mcp',
        origin: this.otherMcp.origin,
        matches: () => true,
        handle: this.otherMcp.handle,
      },
      {
        actor: 'backend',
        origin: this.backend.origin,
        matches: () => true,
        handle: this.backend.handle,
      },
      {
        actor: 'idp',
        origin: this.idp.origin,
        matches: () => true,
        handle: this.idp.handle,
      },
      {
        actor: 'client-metadata-host',
        origin: cimdHost.origin,
        matches: cimdHost.matches,
        handle: cimdHost.handle,
      },
    ];
    this.handlers = init.handlers(this);
    this.client = createClient(
      this,
      {
        mcpUrl: urls.mcp,
        redirectUri: urls.redirectUri,
        clientName: 'Example MCP Client',
        cimdUrl: urls.clientMetadata,
        supportsCimd: config.client.supportsCimd ?? true,
        preRegisteredClientId:
          config.registration === 'pre-registered'
            ? PRE_REGISTERED_CLIENT_ID
            : null,
        pkceFault: config.client.pkceFault ?? 'none',
        maxStepUp: 2,
      },
      (request) => init.send(request),
    );
  }

  cedar(): Promise<CedarApi> {
    return this.#cedar();
  }

  /** Server-to-server calls: resolved by this world's handlers in-process (and recorded). */
  async internalFetch(request: Request): Promise<Response> {
    const res = await getResponse(this.handlers, request);
    if (!res)
      throw new SimError(
        'unhandled_request',
        `no simulated host answers ${request.method} ${request.url}`,
      );
    return res;
  }

  routeFor(url: URL): Route | undefined {
    return this.routes.find(
      (r) => r.origin === url.origin && r.matches(url.pathname),
    );
  }
}

export function cachedLoader(loader: CedarLoader): () => Promise<CedarApi> {
  let p: Promise<CedarApi> | null = null;
  return () => {
    if (!p) {
      p = loader();
      p.catch(() => {
        p = null;
      });
    }
    return p;
  };
}

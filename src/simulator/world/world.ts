/**
 * A world: one fresh set of actors for one run of one scenario, on one
 * simulated clock, with one exchange recorder. Base URLs come from a config
 * object so a local mock server can serve the same actors on 127.0.0.1.
 *
 * The step context (where checks, deviations and tokens land) is scoped:
 * `inStep` sets it for the duration of one step and restores it after, and
 * every request is answered with a context passed along with it, so two
 * requests in flight never share one.
 */
import { type RequestHandler } from 'msw';
import { SimClock } from '../engine/clock';
import { SeededIds } from '../engine/ids';
import { ExchangeRecorder } from '../engine/recorder';
import {
  newStepContext,
  type ActorHost,
  type StepContext,
} from '../engine/host';
import type { CedarApi } from '../engine/cedar-api';
import { SimError } from '../engine/errors';
import { createAuthorizationServer } from '../actors/authorization-server';
import { createToolHive } from '../actors/toolhive';
import { createBackend, DEMO_TOOLS } from '../actors/backend';
import { createIdp } from '../actors/idp';
import { createClient } from '../actors/client';
import { createClientMetadataHost } from '../actors/client-metadata-host';
import { dispatch, type Route } from './dispatch';
import {
  DEMO_CLIENT_NAME,
  demoClientOptions,
  idpOptions,
  type WorldUrls,
} from './setups';
import { authServerOptions, toolhiveOptions, type WorldConfig } from './config';

export type { Route };

type HandlerFactory = (world: World) => RequestHandler[];

export interface WorldInit {
  config: WorldConfig;
  urls: WorldUrls;
  policy: string;
  cedar: () => Promise<CedarApi>;
  /** Builds the MSW handlers for this world (http/handlers.ts). */
  handlers: HandlerFactory;
  /** The client's transport; default: this world's own routes. */
  send?: (request: Request) => Promise<Response>;
  /** How many exchanges to keep (a long-running server bounds its log). */
  recorderLimit?: number;
  /** Wraps a route before it is used (the mock server filters the JWKS). */
  wrapRoute?: (route: Route, world: World) => Route;
}

type RouteParts = Pick<Route, 'origin' | 'handle'> &
  Partial<Pick<Route, 'matches'>>;

function pick(actor: RouteParts): Omit<Route, 'actor'> {
  return {
    origin: actor.origin,
    matches: actor.matches ?? (() => true),
    handle: actor.handle,
  };
}

export class World implements ActorHost {
  readonly clock = new SimClock();
  readonly ids = new SeededIds();
  readonly recorder: ExchangeRecorder;
  readonly urls: WorldUrls;
  readonly config: WorldConfig;
  readonly policy: string;
  #ctx: StepContext = newStepContext('setup');
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
    const { config, urls } = init;
    const send = init.send ?? ((request) => this.internalFetch(request));
    this.send = (request) => send(request);
    this.urls = urls;
    this.config = config;
    this.policy = init.policy;
    this.recorder = new ExchangeRecorder(init.recorderLimit);
    this.#cedar = init.cedar;
    const issuer = config.embeddedAs
      ? new URL(urls.mcp).origin
      : urls.authServer;
    this.as = createAuthorizationServer(
      this,
      authServerOptions(config, urls, issuer),
    );
    this.idp = createIdp(this, idpOptions(urls));
    this.toolhive = createToolHive(
      this,
      toolhiveOptions(config, urls, this.as, issuer, urls.mcp, init.policy),
    );
    this.otherMcp = createToolHive(this, {
      ...toolhiveOptions(
        config,
        urls,
        this.as,
        issuer,
        urls.otherMcp,
        init.policy,
      ),
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
      clientName: DEMO_CLIENT_NAME,
    });
    const all = () => true;
    // In priority order: the embedded AS before ToolHive on the same origin.
    const routes: Route[] = [
      { ...pick(this.as), actor: 'authorization-server' },
      { ...pick(this.toolhive), actor: 'toolhive', matches: all },
      { ...pick(this.otherMcp), actor: 'other-mcp', matches: all },
      { ...pick(this.backend), actor: 'backend', matches: all },
      { ...pick(this.idp), actor: 'idp', matches: all },
      { ...pick(cimdHost), actor: 'client-metadata-host' },
    ];
    this.routes = init.wrapRoute
      ? routes.map((r) => init.wrapRoute?.(r, this) ?? r)
      : routes;
    this.handlers = init.handlers(this);
    this.client = createClient(
      this,
      demoClientOptions(
        urls,
        config.registration === 'pre-registered',
        config.client,
        config.revision,
      ),
      (request) => send(request),
    );
  }

  /** The context of the step running now (`setup` outside any step). */
  get ctx(): StepContext {
    return this.#ctx;
  }

  /**
   * Runs `fn` as step `stepId`: the one place the step context is set, and
   * it is restored however `fn` ends. `silent` answers without recording.
   */
  async inStep<T>(
    stepId: string,
    fn: (ctx: StepContext) => Promise<T>,
    options: { silent?: boolean } = {},
  ): Promise<T> {
    const ctx = newStepContext(stepId, options.silent);
    const saved = this.#ctx;
    this.#ctx = ctx;
    try {
      return await fn(ctx);
    } finally {
      this.#ctx = saved;
    }
  }

  cedar(): Promise<CedarApi> {
    return this.#cedar();
  }

  /** Answers a request with the route that owns its URL, recorded under `ctx`; undefined when none does. */
  async answer(
    request: Request,
    ctx: StepContext,
  ): Promise<Response | undefined> {
    const route = this.routeFor(new URL(request.url));
    return route ? dispatch(this, route, request, ctx) : undefined;
  }

  /** Server-to-server calls, answered in-process and recorded under `ctx` (default: the current step). */
  async internalFetch(
    request: Request,
    ctx: StepContext = this.#ctx,
  ): Promise<Response> {
    const res = await this.answer(request, ctx);
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

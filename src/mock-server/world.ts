/**
 * Thin adapter between the simulator engine and the local mock server. It
 * builds the engine's own World (same actors, same MSW handlers from
 * `createHandlers`) with the MCP server and the authorization server moved to
 * the local origin, and adds what live mode needs around it:
 *
 * - a bounded exchange log (a long-running server must not keep every
 *   exchange forever);
 * - per-scenario live-mode overrides where a scenario's fault is normally
 *   produced by the simulated client (for example replaying a token for
 *   another server), so a real client sees the same failure;
 * - key rotation that can also stop publishing the old key (a response
 *   filter on the authorization server's own JWKS answer).
 *
 * Nothing here re-implements an actor.
 */
import type { World } from '../simulator/world/world';
import type { Route } from '../simulator/world/dispatch';
import type { WorldConfig } from '../simulator/world/config';
import { DEFAULT_URLS, type WorldUrls } from '../simulator/world/setups';
import { newStepContext, type StepContext } from '../simulator/engine/host';
import {
  cachedLoader,
  defaultCedarLoader,
  type CedarLoader,
} from '../simulator/engine/cedar-api';
import {
  SCENARIOS,
  worldConfigFor,
  type CatalogueRow,
  type ScenarioId,
} from '../simulator/scenarios/scenarios';
import { scenarioDef } from '../simulator/runner/catalogue';
import { createWorld } from '../simulator/runner/create-world';
import { advanceWorld } from '../simulator/world/tick';
import type { ClockEvent, SpecRevision } from '../simulator/engine/types';
import { publicJwk } from '../simulator/actors/jwt';
import type { DemoKeyName } from '../simulator/actors/demo-keys';

/** How many exchanges the log keeps (oldest dropped first). */
const LOG_LIMIT = 2000;
/** How many received-header records the backend actor keeps in live mode. */
const BACKEND_RECEIVED_LIMIT = 100;

/** A scenario the mock server offers: an engine scenario plus its live-mode notes. */
export interface LiveScenario {
  id: string;
  title: string;
  /** What a real client sees in live mode, when it differs from the browser run. */
  liveNote?: string;
  row: CatalogueRow;
  /** Changes applied to the scenario's WorldConfig in live mode. */
  override?: (config: WorldConfig, urls: WorldUrls) => WorldConfig;
}

/**
 * Live-mode overrides. In the browser these faults come from the simulated
 * client's steps; a real client does not produce them, so the servers are
 * configured to show the same failure.
 */
const LIVE_OVERRIDES: Partial<
  Record<ScenarioId, Pick<LiveScenario, 'liveNote' | 'override'>>
> = {
  'wrong-audience': {
    liveNote:
      'ToolHive expects the other MCP server as audience, so your token is rejected on aud (401 invalid_token)',
    override: (config, urls) => ({
      ...config,
      toolhive: { ...config.toolhive, audience: urls.otherMcp },
    }),
  },
  'expired-token': {
    liveNote: 'POST /__control/clock {"advance": 3601} to expire your token',
  },
  'key-rotation': {
    liveNote:
      'POST /__control/rotate-keys, then /__control/clock {"advance": 900} for the JWKS refresh',
  },
  'bad-signature': {
    liveNote: 'present a token with a broken signature yourself',
  },
  'alg-none': { liveNote: 'present an alg "none" token yourself' },
  'hs256-public-key': { liveNote: 'present an HS256 token yourself' },
  'missing-kid': { liveNote: 'present a token without kid yourself' },
  'pkce-mismatch': { liveNote: 'send a wrong code_verifier yourself' },
  'code-reuse': { liveNote: 'redeem the same code twice yourself' },
  'missing-header': { liveNote: 'call the MCP endpoint without Authorization' },
  'state-mismatch': {
    liveNote:
      'the callback carries state=attacker-chosen-state; your client must refuse it',
  },
};

/** Every scenario id the server accepts, in catalogue order. */
export const LIVE_SCENARIOS: readonly LiveScenario[] = [
  ...SCENARIOS.map((row): LiveScenario => ({
    id: row.id,
    title: scenarioDef(row).title,
    row,
    ...LIVE_OVERRIDES[row.id],
  })),
];

export function liveScenario(id: string): LiveScenario | undefined {
  return LIVE_SCENARIOS.find((s) => s.id === id);
}

/** World URLs for a local origin: ToolHive and the AS on it, the rest stays internal. */
function localUrls(origin: string): WorldUrls {
  return {
    ...DEFAULT_URLS,
    mcp: `${origin}/mcp`,
    authServer: origin,
  };
}

/** The two demo RSA keys rotate into each other. */
const ROTATION: Record<string, DemoKeyName> = {
  asMain: 'asRotated',
  asRotated: 'asMain',
};

export interface RotationResult {
  signingKid: string;
  publishedKids: string[];
}

/** One live run: a world plus the mock server's own state around it. */
export class LiveSession {
  readonly scenario: LiveScenario;
  readonly origin: string;
  readonly world: World;
  /** kids hidden from the JWKS answer after a rotation without keepOld. */
  readonly #hiddenKids = new Set<string>();
  #requestSeq = 0;

  constructor(
    scenario: LiveScenario,
    origin: string,
    loadCedar: () => ReturnType<CedarLoader>,
    revision?: SpecRevision,
  ) {
    this.scenario = scenario;
    this.origin = origin;
    const urls = localUrls(origin);
    const base = worldConfigFor(scenario.row, undefined, revision);
    const config = scenario.override ? scenario.override(base, urls) : base;
    this.world = createWorld({
      scenario: config,
      urls,
      loadCedar,
      recorderLimit: LOG_LIMIT,
      send: () =>
        Promise.reject(
          new Error('the simulated client is not used by the mock server'),
        ),
      wrapRoute: (route, world) =>
        route.actor === 'authorization-server'
          ? this.#filterJwks(route, world)
          : route,
    });
  }

  /**
   * Wraps the AS route so its JWKS answer drops keys that a rotation
   * unpublished (the exchange is still recorded by the engine's dispatch).
   */
  #filterJwks(route: Route, world: World): Route {
    return {
      ...route,
      handle: async (request, ctx) => {
        const response = await route.handle(request, ctx);
        const jwksUrl = world.as.endpoint('jwks') ?? `${world.as.origin}/jwks`;
        const u = new URL(request.url);
        if (
          this.#hiddenKids.size === 0 ||
          request.method !== 'GET' ||
          `${u.origin}${u.pathname}` !== jwksUrl
        )
          return response;
        return this.#filteredJwks(response);
      },
    };
  }

  async #filteredJwks(res: Response): Promise<Response> {
    if (res.status !== 200) return res;
    const body = (await res.json()) as { keys?: Array<{ kid?: string }> };
    const keys = (body.keys ?? []).filter(
      (k) => !this.#hiddenKids.has(k.kid ?? ''),
    );
    return new Response(JSON.stringify({ ...body, keys }), {
      status: 200,
      headers: res.headers,
    });
  }

  get mcpUrl(): string {
    return this.world.urls.mcp;
  }

  get issuer(): string {
    return this.world.as.options.issuer;
  }

  /** A fresh step context (`http-N`) for one incoming request and its internal hops. */
  requestContext(): StepContext {
    return newStepContext(`http-${++this.#requestSeq}`);
  }

  /** Answers one request under `ctx`; undefined when no actor serves the URL. */
  answer(request: Request, ctx: StepContext): Promise<Response | undefined> {
    return this.world.answer(request, ctx);
  }

  endRequest(): void {
    // The backend actor keeps the headers of every request it received (for
    // the browser's side-by-side view); a long-running server keeps the newest.
    const received = this.world.backend.received;
    if (received.length > BACKEND_RECEIVED_LIMIT)
      received.splice(0, received.length - BACKEND_RECEIVED_LIMIT);
  }

  advanceClock(seconds: number): Promise<ClockEvent[]> {
    return this.world.inStep('clock', async (ctx) => {
      await advanceWorld(this.world, seconds);
      return ctx.clockEvents;
    });
  }

  rotateKeys(keepOld: boolean): RotationResult {
    const as = this.world.as;
    const old = as.signingKey;
    const next = ROTATION[old] ?? 'asRotated';
    as.rotateSigningKey(next);
    const oldKid = publicJwk(old).kid ?? '';
    const nextKid = publicJwk(next).kid ?? '';
    this.#hiddenKids.delete(nextKid);
    if (!keepOld) this.#hiddenKids.add(oldKid);
    return { signingKid: nextKid, publishedKids: this.publishedKids };
  }

  get signingKid(): string {
    return publicJwk(this.world.as.signingKey).kid ?? '';
  }

  /** kids in the JWKS answer right now. */
  get publishedKids(): string[] {
    return this.world.as
      .publishedKeys()
      .map((k) => publicJwk(k).kid ?? '')
      .filter((kid) => !this.#hiddenKids.has(kid));
  }

  /** How many times ToolHive fetched the JWKS. */
  get jwksFetches(): number {
    return this.world.toolhive.validator.cache.fetchCount;
  }
}

/** The Node Cedar build, loaded once per process on first use. */
export const sharedCedarLoader = cachedLoader(defaultCedarLoader);

/**
 * The runner: one scenario, one world, steps run one at a time. `back()`
 * rebuilds the world and replays the action log up to the previous step, so
 * every state is reproducible; `reset()` starts over.
 */
import type {
  BackendMode,
  CheckVerdict,
  ClockEvent,
  SpecRevision,
} from '../engine/types';
import type { CedarLoader } from '../engine/cedar-api';
import { cachedLoader, defaultCedarLoader } from '../engine/cedar-api';
import { SimError } from '../engine/errors';
import { scenarioRow, type CatalogueRow } from '../scenarios/scenarios';
import type { StepRecord, Transcript } from '../scenarios/records';
import { advanceWorld } from '../world/tick';
import type { WorldUrls } from '../world/setups';
import type { World } from '../world/world';
import { createInPageTransport } from '../http/fallback';
import type { Transport } from '../http/transport';
import { policyErrors } from '../actors/toolhive/cedar';
import {
  scenarioDef,
  stepDef,
  type ScenarioDef,
  type StepDef,
} from './catalogue';
import { createWorld } from './create-world';
import { runStepIn } from './run-step';

export interface SimulationOptions {
  scenarioId: string;
  /** Cedar policy text (the UI can edit it). Default: DEFAULT_CEDAR_POLICY. */
  policy?: string;
  /** Overrides the scenario's backend mode. */
  backendMode?: BackendMode;
  /** The MCP spec revision the client and the spec-following AS follow. Default: 2025-11-25. */
  revision?: SpecRevision;
  /** Default: the in-page getResponse transport. */
  transport?: Transport;
  /** Default: the Node build in Node; required in browsers (the UI passes its own, src/components/Simulator/engine-adapter.ts). */
  loadCedar?: CedarLoader;
  /** Rewrites the simulated hosts (for a local mock server). */
  urls?: Partial<WorldUrls>;
}

/** The ToolHive configuration in force, as plain data for display. */
interface ToolHiveConfigView {
  resourceUrl: string;
  issuer: string;
  audience: string;
  jwksUrl: string | null;
  introspectionUrl: string | null;
  scopes: string[];
  backendMode: BackendMode;
  embeddedAuthorizationServer: boolean;
  authorization: 'cedar' | 'off';
  policy: string | null;
  specStepUp: boolean;
}

type Action = { kind: 'next' } | { kind: 'advance'; seconds: number };

export interface Simulation {
  readonly scenario: ScenarioDef;
  readonly steps: StepDef[];
  readonly records: StepRecord[];
  /** Index of the next step to run. */
  readonly cursor: number;
  readonly finished: boolean;
  readonly clock: { now(): number; iso(): string };
  readonly config: ToolHiveConfigView;
  /** The spec revision this run follows. */
  readonly revision: SpecRevision;
  readonly transport: Transport;
  next(): Promise<StepRecord>;
  back(): Promise<void>;
  reset(): Promise<void>;
  runToEnd(): Promise<Transcript>;
  advanceClock(seconds: number): Promise<ClockEvent[]>;
  transcript(): Transcript;
  validateToken(raw: string): Promise<CheckVerdict[]>;
}

class SimulationImpl implements Simulation {
  readonly scenario: ScenarioDef;
  readonly steps: StepDef[];
  readonly transport: Transport;
  #row: CatalogueRow;
  #options: SimulationOptions;
  #loadCedar: () => ReturnType<CedarLoader>;
  #world!: World;
  #records: StepRecord[] = [];
  #log: Action[] = [];
  #clockEvents: ClockEvent[] = [];
  #finished = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(row: CatalogueRow, options: SimulationOptions) {
    this.#row = row;
    this.#options = options;
    this.scenario = scenarioDef(row);
    this.steps = row.steps.map(stepDef);
    this.transport = options.transport ?? createInPageTransport();
    this.#loadCedar = cachedLoader(options.loadCedar ?? defaultCedarLoader);
    this.#rebuild();
  }

  get records(): StepRecord[] {
    return [...this.#records];
  }
  get cursor(): number {
    return this.#records.length;
  }
  get finished(): boolean {
    return this.#finished;
  }
  get clock() {
    const w = this.#world;
    return { now: () => w.clock.now(), iso: () => w.clock.iso() };
  }
  get revision(): SpecRevision {
    return this.#world.config.revision;
  }
  get config(): ToolHiveConfigView {
    const o = this.#world.toolhive.options;
    return {
      resourceUrl: o.resourceUrl,
      issuer: o.validator.issuer,
      audience: o.validator.audience,
      jwksUrl: o.validator.jwksUrl,
      introspectionUrl: o.validator.introspectionUrl,
      scopes: [...o.scopes],
      backendMode: o.backendMode,
      embeddedAuthorizationServer: o.embeddedAs !== null,
      authorization: o.policy === null ? 'off' : 'cedar',
      policy: o.policy,
      specStepUp: o.specStepUp !== null,
    };
  }

  /** Serialises engine operations so a fast UI cannot interleave them. */
  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #rebuild(): void {
    this.#world = createWorld({
      scenario: this.#row.id,
      ...(this.#options.backendMode
        ? { backendMode: this.#options.backendMode }
        : {}),
      ...(this.#options.revision ? { revision: this.#options.revision } : {}),
      ...(this.#options.urls ? { urls: this.#options.urls } : {}),
      ...(this.#options.policy !== undefined
        ? { policy: this.#options.policy }
        : {}),
      loadCedar: this.#loadCedar,
      send: (request) => this.transport.fetch(request),
    });
    this.transport.attach(this.#world);
    this.#records = [];
    this.#clockEvents = [];
    this.#finished = this.steps.length === 0;
  }

  async #runStep(): Promise<StepRecord> {
    const index = this.#records.length;
    const def = this.steps[index];
    if (!def || this.#finished) {
      const last = this.#records[this.#records.length - 1];
      if (last) return last;
      throw new SimError('missing_prerequisite', 'this scenario has no steps');
    }
    const world = this.#world;
    const record = await world.inStep(def.id, (ctx) =>
      runStepIn(world, this.#row, def, index, ctx),
    );
    this.#records.push(record);
    if (record.error || this.#records.length >= this.steps.length)
      this.#finished = true;
    return record;
  }

  async #advance(seconds: number): Promise<ClockEvent[]> {
    const events = await this.#world.inStep('clock', async (ctx) => {
      await advanceWorld(this.#world, seconds);
      return ctx.clockEvents;
    });
    this.#clockEvents.push(...events);
    return events;
  }

  next(): Promise<StepRecord> {
    return this.#serial(async () => {
      const wasFinished = this.#finished;
      const record = await this.#runStep();
      if (!wasFinished) this.#log.push({ kind: 'next' });
      return record;
    });
  }

  back(): Promise<void> {
    return this.#serial(async () => {
      const target = this.#records.length - 1;
      if (target < 0) return;
      // Keep the actions before the target-th step; drop it and what followed.
      const kept: Action[] = [];
      let steps = 0;
      for (const a of this.#log) {
        if (a.kind === 'next') {
          if (steps === target) break;
          steps++;
        }
        kept.push(a);
      }
      this.#log = kept;
      this.#rebuild();
      for (const a of kept) {
        if (a.kind === 'next') await this.#runStep();
        else await this.#advance(a.seconds);
      }
    });
  }

  reset(): Promise<void> {
    return this.#serial(async () => {
      this.#log = [];
      this.#rebuild();
    });
  }

  runToEnd(): Promise<Transcript> {
    return this.#serial(async () => {
      while (!this.#finished) {
        await this.#runStep();
        this.#log.push({ kind: 'next' });
      }
      return this.transcript();
    });
  }

  advanceClock(seconds: number): Promise<ClockEvent[]> {
    return this.#serial(async () => {
      if (!Number.isFinite(seconds) || seconds < 0)
        throw new RangeError('seconds must be a finite, non-negative number');
      this.#log.push({ kind: 'advance', seconds });
      return this.#advance(seconds);
    });
  }

  transcript(): Transcript {
    const failed = this.#records.some((r) => r.status === 'failed');
    return {
      scenarioId: this.scenario.id,
      records: this.#records.map((r) => structuredClone(r)),
      finished: this.#finished,
      outcome: failed ? 'failure' : this.#finished ? 'success' : 'running',
      clock: this.#world.clock.iso(),
      clockEvents: [...this.#clockEvents],
    };
  }

  validateToken(raw: string): Promise<CheckVerdict[]> {
    return this.#serial(() =>
      // Silent: checking a pasted token is not part of the transcript.
      this.#world.inStep(
        'validate-token',
        async () =>
          (await this.#world.toolhive.freshValidator().validate(raw)).verdicts,
        { silent: true },
      ),
    );
  }
}

/** Parses a Cedar policy set; returns Cedar's own error messages ([] when it parses). */
export async function checkPolicy(
  policy: string,
  loadCedar: CedarLoader = defaultCedarLoader,
): Promise<string[]> {
  return policyErrors(await loadCedar(), policy);
}

export function createSimulation(options: SimulationOptions): Simulation {
  const row = scenarioRow(options.scenarioId);
  if (!row) throw new Error(`unknown scenario id: ${options.scenarioId}`);
  return new SimulationImpl(row, options);
}

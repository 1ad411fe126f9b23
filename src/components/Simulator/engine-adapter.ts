/**
 * Binds the engine (src/simulator) to the UI's EnginePort: starts the
 * transport (MSW service worker, or the in-page getResponse fallback), loads
 * Cedar's `/web` build on first use, and maps registries to plain views.
 * Imported only from the lazily loaded simulator chunk.
 */
import {
  DEFAULT_CEDAR_POLICY,
  DEVIATIONS,
  REFERENCES,
  STEP_CONTENT,
  cachedLoader,
  createInPageTransport,
  createSimulation,
  isStepId,
  listScenarios,
  revisionDifference,
  warmAuthorizer,
  webCedarLoader,
  type Simulation,
  type Transport,
} from '@site/src/simulator';
import { decodeToken } from '@site/src/simulator/actors/jwt';
import { replaySteps } from './lib/replay';
import type {
  DeviationView,
  EnginePort,
  PastedTokenResult,
  ReferenceView,
  SimulationPort,
  StepTeaching,
  TransportKind,
} from './engine-port';

const WORKER_START_TIMEOUT_MS = 8000;

/** A character offset in a text as `line 3, column 5` (both 1-based). */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1]?.length ?? 0) + 1}`;
}

function lookup<T>(table: Readonly<Record<string, T>>, id: string): T | null {
  return Object.prototype.hasOwnProperty.call(table, id)
    ? (table[id] ?? null)
    : null;
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('the service worker did not start in time')),
      ms,
    );
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function startTransport(options: {
  workerUrl: string;
  scope: string;
}): Promise<{
  transport: Transport;
  kind: TransportKind;
  reason?: string;
  stop: () => void;
}> {
  const fallback = (reason: string) => ({
    transport: createInPageTransport(),
    kind: 'in-page' as const,
    reason,
    stop: () => undefined,
  });
  if (!('serviceWorker' in navigator) || !navigator.serviceWorker) {
    return fallback('this browser offers no service worker here');
  }
  try {
    const { startWorkerTransport } =
      await import('@site/src/simulator/http/browser');
    const transport = await withTimeout(
      startWorkerTransport({ ...options, quiet: true }),
      WORKER_START_TIMEOUT_MS,
    );
    return {
      transport,
      kind: 'service-worker',
      stop: () => transport.stop(),
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return fallback(`registration failed: ${message.split('\n')[0]}`);
  }
}

function pastedResult(raw: string, verdicts: PastedTokenResult['verdicts']) {
  const failed = verdicts.find((v) => v.status === 'fail');
  const token = raw.split('.').length === 3 ? decodeToken(raw, 'pasted') : null;
  return {
    verdicts,
    token,
    accepted: !failed && verdicts.length > 0,
    summary: failed ? `${failed.id}: ${failed.detail}` : 'every check passed',
  };
}

function port(sim: Simulation): SimulationPort {
  return {
    get scenario() {
      return sim.scenario;
    },
    get steps() {
      return sim.steps;
    },
    get records() {
      return sim.records;
    },
    get cursor() {
      return sim.cursor;
    },
    get finished() {
      return sim.finished;
    },
    get effectiveBackendMode() {
      return sim.config.backendMode;
    },
    clockIso: () => sim.clock.iso(),
    next: async () => {
      await sim.next();
    },
    back: () => sim.back(),
    reset: () => sim.reset(),
    runToEnd: async () => {
      await sim.runToEnd();
    },
    advanceClock: async (seconds) => {
      await sim.advanceClock(seconds);
    },
    transcript: () => sim.transcript(),
    validateToken: async (raw) =>
      pastedResult(raw, await sim.validateToken(raw)),
    dispose: async () => undefined,
  };
}

export async function loadEngine(options: {
  workerUrl: string;
  scope: string;
}): Promise<EnginePort> {
  const started = await startTransport(options);
  const loadCedar = cachedLoader(webCedarLoader);
  return {
    scenarios: listScenarios(),
    defaultPolicy: DEFAULT_CEDAR_POLICY,
    transport: { kind: started.kind, reason: started.reason },
    create: async (config) =>
      port(
        createSimulation({
          scenarioId: config.scenarioId,
          policy: config.policy,
          ...(config.backendMode ? { backendMode: config.backendMode } : {}),
          ...(config.revision ? { revision: config.revision } : {}),
          transport: started.transport,
          loadCedar,
        }),
      ),
    teaching: (stepId): StepTeaching | null => {
      const content = lookup(STEP_CONTENT, stepId);
      return content ? { paragraphs: [content.summary] } : null;
    },
    reference: (id): ReferenceView | null => lookup(REFERENCES, id),
    revisionNote: (stepId, current) => {
      const d = isStepId(stepId) ? revisionDifference(stepId, current) : null;
      return d
        ? { sentence: d.sentence, reference: lookup(REFERENCES, d.refId) }
        : null;
    },
    deviation: (id): DeviationView | null => {
      const d = lookup(DEVIATIONS, id);
      if (!d) return null;
      const refs = [
        lookup(REFERENCES, d.refId),
        lookup(REFERENCES, d.specRefId),
      ];
      return {
        id: d.id,
        title: d.title,
        detail: d.detail,
        refs: refs.filter((r) => r !== null),
      };
    },
    checkPolicy: async (policy) => {
      const cedar = await loadCedar();
      const result = cedar.checkParsePolicySet({ staticPolicies: policy });
      if (result.type === 'success') return [];
      return result.errors.map((e) => {
        const at = e.sourceLocations?.[0]?.start;
        const where =
          typeof at === 'number' ? `${lineAndColumn(policy, at)}: ` : '';
        return `${where}${e.message}${e.help ? `\n  help: ${e.help}` : ''}`;
      });
    },
    warmCedar: async () => {
      warmAuthorizer(await loadCedar(), DEFAULT_CEDAR_POLICY);
    },
    runDetached: async (config, steps, clockMoves = []) => {
      const sim = createSimulation({
        scenarioId: config.scenarioId,
        policy: config.policy,
        ...(config.backendMode ? { backendMode: config.backendMode } : {}),
        ...(config.revision ? { revision: config.revision } : {}),
        transport: createInPageTransport(),
        loadCedar,
      });
      await replaySteps(sim, steps, clockMoves);
      return [...sim.records];
    },
    stop: async () => started.stop(),
  };
}

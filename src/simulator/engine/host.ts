/**
 * What every actor gets from the world it lives in: the simulated clock, the
 * seeded ids, the current step's scratch pad (checks, deviations, tokens) and
 * an in-process fetch for server-to-server calls, which still goes through the
 * MSW handlers so those exchanges are recorded too.
 */
import type { SimClock } from './clock';
import type { SeededIds } from './ids';
import type {
  CheckId,
  CheckStatus,
  CheckVerdict,
  ClockEvent,
  DecodedToken,
  DeviationId,
  StepId,
} from './types';
import type { CedarApi } from './cedar-api';

export interface StepContext {
  stepId: StepId;
  checks: CheckVerdict[];
  deviations: DeviationId[];
  tokens: DecodedToken[];
  clockEvents: ClockEvent[];
}

export function newStepContext(stepId: StepId): StepContext {
  return { stepId, checks: [], deviations: [], tokens: [], clockEvents: [] };
}

export interface ActorHost {
  readonly clock: SimClock;
  readonly ids: SeededIds;
  /** The step currently running (or a pseudo step such as `clock` or `paste`). */
  readonly ctx: StepContext;
  /** Server-to-server fetch, answered by the same handlers and recorded. */
  internalFetch(request: Request): Promise<Response>;
  /** Loads Cedar on first use. */
  cedar(): Promise<CedarApi>;
}

export function addCheck(
  ctx: StepContext,
  id: CheckId,
  status: CheckStatus,
  detail: string,
  extra?: { expected?: string; actual?: string; matched?: string[] },
): void {
  ctx.checks.push({ id, status, detail, ...extra });
}

export function addDeviation(ctx: StepContext, id: DeviationId): void {
  if (!ctx.deviations.includes(id)) ctx.deviations.push(id);
}

/**
 * What every actor gets from the world it lives in: the simulated clock, the
 * seeded ids, the step context (checks, deviations, tokens) and an in-process
 * fetch for server-to-server calls, which goes through the world's dispatch
 * so those exchanges are recorded too, under the context of the request that
 * made them.
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
} from './types';
import type { CedarApi } from './cedar-api';

/**
 * Where one step's (or one request's) findings land. Handed to each request
 * with it, never shared between two requests in flight.
 */
export interface StepContext {
  /** A step id, or a pseudo step (`clock`, `validate-token`, `http-N`). */
  stepId: string;
  /** Answer without recording the exchanges (checking a pasted token). */
  silent: boolean;
  checks: CheckVerdict[];
  deviations: DeviationId[];
  tokens: DecodedToken[];
  clockEvents: ClockEvent[];
}

export function newStepContext(stepId: string, silent = false): StepContext {
  return {
    stepId,
    silent,
    checks: [],
    deviations: [],
    tokens: [],
    clockEvents: [],
  };
}

/** How an actor answers one request, with that request's context. */
export type Handler = (request: Request, ctx: StepContext) => Promise<Response>;

export interface ActorHost {
  readonly clock: SimClock;
  readonly ids: SeededIds;
  /** The step running now, for the simulated client (servers use the context of the request they answer). */
  readonly ctx: StepContext;
  /** Server-to-server fetch made while answering the request of `ctx` (default: the current step), recorded under it. */
  internalFetch(request: Request, ctx?: StepContext): Promise<Response>;
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

/**
 * Runs one step in its own context and turns what happened into the step's
 * record: its outcome, or the SimError that stopped it (an error of any
 * other kind is an engine bug, reported as internal_error).
 */
import { SimError } from '../engine/errors';
import type { StepContext } from '../engine/host';
import type { StepRecord } from '../scenarios/records';
import type { CatalogueRow } from '../scenarios/scenarios';
import { STEPS } from '../scenarios/steps';
import type { World } from '../world/world';
import type { StepDef } from './catalogue';

export async function runStepIn(
  world: World,
  row: CatalogueRow,
  def: StepDef,
  index: number,
  ctx: StepContext,
): Promise<StepRecord> {
  const startedAt = world.clock.iso();
  let outcome: string;
  let error: StepRecord['error'];
  try {
    outcome = await STEPS[def.id].run(world, row);
  } catch (e) {
    const firstFailed = ctx.checks.find((c) => c.status === 'fail')?.id;
    if (e instanceof SimError) {
      const check = e.check ?? firstFailed;
      error = {
        code: e.code,
        message: e.message,
        ...(e.status !== undefined ? { status: e.status } : {}),
        ...(e.oauthError !== undefined ? { oauthError: e.oauthError } : {}),
        ...(check !== undefined ? { check } : {}),
      };
      outcome = `${e.status !== undefined ? `${e.status} ` : ''}${e.oauthError ?? e.code}`;
    } else {
      error = {
        code: 'internal_error',
        message: e instanceof Error ? e.message : String(e),
      };
      outcome = 'internal error';
    }
  }
  const record: StepRecord = {
    stepId: def.id,
    index,
    status: error ? 'failed' : 'done',
    outcome,
    exchanges: world.recorder.forStep(def.id),
    checks: ctx.checks,
    tokens: ctx.tokens,
    deviations: ctx.deviations,
    startedAt,
    endedAt: world.clock.iso(),
    ...(error ? { error } : {}),
    ...(ctx.clockEvents.length ? { clockEvents: ctx.clockEvents } : {}),
  };
  return record;
}

/**
 * Runs a fresh simulation up to a step, making the reader's clock moves at the
 * points they were made: the moves with `at === i` happen after `i` steps.
 * Shared by a reload (a link, another mode or policy) and by the detached run
 * that "Show side by side" compares with, so both see the same clock.
 */
import type { ClockMove } from './url-state';

export interface Replayable {
  readonly finished: boolean;
  next(): Promise<unknown>;
  advanceClock(seconds: number): Promise<unknown>;
}

/** Returns the moves that were made (those past the last step run are not). */
export async function replaySteps(
  sim: Replayable,
  steps: number,
  moves: readonly ClockMove[],
): Promise<ClockMove[]> {
  const applied: ClockMove[] = [];
  for (let i = 0; ; i += 1) {
    for (const move of moves.filter((m) => m.at === i)) {
      await sim.advanceClock(move.seconds);
      applied.push(move);
    }
    if (i >= steps || sim.finished) break;
    await sim.next();
  }
  return applied;
}

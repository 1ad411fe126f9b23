import { describe, expect, it } from 'vitest';
import {
  replaySteps,
  type Replayable,
} from '../../../src/components/Simulator/lib/replay';

/** A stand-in simulation that logs what it was asked to do, in order. */
function fakeSim(length: number): Replayable & { log: string[] } {
  let cursor = 0;
  const log: string[] = [];
  return {
    log,
    get finished() {
      return cursor >= length;
    },
    next: async () => {
      cursor += 1;
      log.push(`step ${cursor}`);
    },
    advanceClock: async (seconds: number) => {
      log.push(`clock +${seconds}s after ${cursor}`);
    },
  };
}

describe('replaySteps', () => {
  it('makes each clock move after the steps it followed', async () => {
    const sim = fakeSim(9);
    const applied = await replaySteps(sim, 3, [
      { at: 0, seconds: 5 },
      { at: 2, seconds: 3600 },
      { at: 2, seconds: 60 },
      { at: 3, seconds: 1 },
    ]);
    expect(sim.log).toEqual([
      'clock +5s after 0',
      'step 1',
      'step 2',
      'clock +3600s after 2',
      'clock +60s after 2',
      'step 3',
      'clock +1s after 3',
    ]);
    expect(applied).toHaveLength(4);
  });

  it('drops moves past the last step run, and stops when the run ends', async () => {
    const sim = fakeSim(2);
    const applied = await replaySteps(sim, 5, [
      { at: 1, seconds: 10 },
      { at: 4, seconds: 99 },
    ]);
    expect(sim.log).toEqual(['step 1', 'clock +10s after 1', 'step 2']);
    expect(applied).toEqual([{ at: 1, seconds: 10 }]);
  });

  it('with no moves, only steps', async () => {
    const sim = fakeSim(9);
    expect(await replaySteps(sim, 2, [])).toEqual([]);
    expect(sim.log).toEqual(['step 1', 'step 2']);
  });
});

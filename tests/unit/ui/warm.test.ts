import { describe, expect, it } from 'vitest';
import {
  warmInIdle,
  type WhenIdle,
} from '../../../src/components/Simulator/lib/warm';

/**
 * An idle scheduler the test drives: `idle()` runs what is queued now. Both
 * parts share it; `kinds` records which part asked.
 */
function manualIdle(): {
  whenIdle: { parse: WhenIdle; decide: WhenIdle };
  idle: () => Promise<void>;
  kinds: string[];
} {
  const queue = new Set<() => void>();
  const kinds: string[] = [];
  const schedule =
    (kind: string): WhenIdle =>
    (task) => {
      kinds.push(kind);
      queue.add(task);
      return () => queue.delete(task);
    };
  return {
    kinds,
    whenIdle: { parse: schedule('parse'), decide: schedule('decide') },
    idle: async () => {
      const now = [...queue];
      queue.clear();
      for (const task of now) task();
      // Let the promise chains the tasks started settle.
      for (let i = 0; i < 5; i += 1) await Promise.resolve();
    },
  };
}

function parts(log: string[], fail?: 'parse' | 'decide') {
  return {
    parse: async () => {
      log.push('parse');
      if (fail === 'parse') throw new Error('no wasm');
    },
    decide: async () => {
      log.push('decide');
      if (fail === 'decide') throw new Error('no wasm');
    },
  };
}

describe('warmInIdle', () => {
  it('parses at one idle moment and decides at a later one, nothing before', async () => {
    const log: string[] = [];
    const { whenIdle, idle, kinds } = manualIdle();
    warmInIdle(parts(log), whenIdle);
    expect(log).toEqual([]);
    await idle();
    expect(log).toEqual(['parse']);
    await idle();
    expect(log).toEqual(['parse', 'decide']);
    await idle();
    expect(log).toEqual(['parse', 'decide']);
    // Each part asked its own scheduler (the decision's has no deadline).
    expect(kinds).toEqual(['parse', 'decide']);
  });

  it('runs nothing once cancelled before the first idle moment', async () => {
    const log: string[] = [];
    const { whenIdle, idle } = manualIdle();
    warmInIdle(parts(log), whenIdle)();
    await idle();
    await idle();
    expect(log).toEqual([]);
  });

  it('does not decide when cancelled between the two parts', async () => {
    const log: string[] = [];
    const { whenIdle, idle } = manualIdle();
    const cancel = warmInIdle(parts(log), whenIdle);
    await idle();
    cancel();
    await idle();
    expect(log).toEqual(['parse']);
  });

  it('does not decide when cancelled while the parse is still loading', async () => {
    const log: string[] = [];
    const { whenIdle, idle } = manualIdle();
    let finishLoad: () => void = () => undefined;
    const cancel = warmInIdle(
      {
        parse: () =>
          new Promise<void>((resolve) => {
            log.push('parse');
            finishLoad = resolve;
          }),
        decide: async () => {
          log.push('decide');
        },
      },
      whenIdle,
    );
    await idle();
    cancel();
    finishLoad();
    await idle();
    await idle();
    expect(log).toEqual(['parse']);
  });

  it('swallows a failed load: no decision, no unhandled rejection', async () => {
    const log: string[] = [];
    const { whenIdle, idle } = manualIdle();
    warmInIdle(parts(log, 'parse'), whenIdle);
    await idle();
    await idle();
    expect(log).toEqual(['parse']);
    const failedDecision: string[] = [];
    warmInIdle(parts(failedDecision, 'decide'), whenIdle);
    await idle();
    await idle();
    expect(failedDecision).toEqual(['parse', 'decide']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  announcement,
  type AnnounceInput,
} from '../../../src/components/Simulator/lib/announce';
import { formatInstant } from '../../../src/components/Simulator/lib/format-time';
import { PROBE, record } from './fixtures';

const steps = [
  {
    id: 'probe',
    title: 'Call the server without a token',
    actors: [],
    refs: [],
  },
  { id: 'token', title: 'Exchange the code', actors: [], refs: [] },
];

function input(
  records: AnnounceInput['records'],
  finished = false,
): AnnounceInput {
  return {
    steps,
    records,
    finished,
    clock: '2026-01-15T09:15:00.000Z',
    config: { scenarioId: 'happy-path', policy: '' },
    transcript: { outcome: finished ? 'failure' : 'running' },
  };
}

describe('live region announcements', () => {
  it('names the step, its status and its outcome', () => {
    const one = { ...record(0, 'probe', [PROBE]), outcome: '401 challenge.' };
    expect(announcement(input([one]), { kind: 'next' })).toBe(
      'Step 1 of 2, Call the server without a token: done, 401 challenge.',
    );
  });

  it('says when the scenario has finished, and how', () => {
    const failed = record(1, 'token', [], 'failed');
    expect(
      announcement(input([record(0, 'probe', [PROBE]), failed], true), {
        kind: 'next',
      }),
    ).toBe(
      'Step 2 of 2, Exchange the code: failed, 401 invalid_token. Scenario finished: failure.',
    );
  });

  it('reports resets and clock moves', () => {
    expect(announcement(input([]), { kind: 'reset' })).toBe(
      'Reset. No steps have run.',
    );
    expect(announcement(input([]), { kind: 'clock', seconds: 900 })).toBe(
      'Clock moved to 2026-01-15 09:15:00 UTC.',
    );
  });

  it('formats simulated instants in UTC', () => {
    expect(formatInstant('2026-01-15T10:00:00.000Z')).toBe(
      '2026-01-15 10:00:00 UTC',
    );
  });
});

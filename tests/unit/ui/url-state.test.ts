import { describe, expect, it } from 'vitest';
import {
  hasUrlState,
  parseClockMoves,
  parseUrlState,
  serialiseUrlState,
} from '../../../src/components/Simulator/lib/url-state';

describe('simulator URL state', () => {
  it('reads scenario, step and mode from the query string', () => {
    expect(
      parseUrlState('query', '?scenario=happy-path&step=3&mode=strip-auth', ''),
    ).toEqual({ scenario: 'happy-path', step: 3, mode: 'strip-auth' });
  });

  it('reads prefixed keys from the hash when embedded', () => {
    expect(
      parseUrlState(
        'hash',
        '?scenario=ignored',
        '#sim-scenario=cimd&sim-step=0',
      ),
    ).toEqual({ scenario: 'cimd', step: 0 });
  });

  it('ignores malformed values', () => {
    expect(
      parseUrlState('query', '?scenario=<script>&step=-1&mode=everything', ''),
    ).toEqual({});
    expect(parseUrlState('query', '?step=1e3', '')).toEqual({});
  });

  it('keeps unrelated parameters and leaves out an unset mode', () => {
    expect(
      serialiseUrlState(
        'query',
        { scenario: 'step-up', step: 2 },
        '?utm=x&step=9',
        '#top',
      ),
    ).toEqual({ search: '?utm=x&scenario=step-up&step=2', hash: '#top' });
  });

  it('round-trips through the hash', () => {
    const state = {
      scenario: 'token-exchange',
      step: 5,
      mode: 'token-exchange' as const,
    };
    const { search, hash } = serialiseUrlState('hash', state, '', '');
    expect(hash).toBe(
      '#sim-scenario=token-exchange&sim-step=5&sim-mode=token-exchange',
    );
    expect(parseUrlState('hash', search, hash)).toEqual(state);
  });

  it('clears the state when it is empty', () => {
    expect(serialiseUrlState('hash', {}, '?a=1', '#sim-step=2')).toEqual({
      search: '?a=1',
      hash: '',
    });
  });
});

describe('whether a URL opens the embedded simulator', () => {
  it('opens for any simulator key, a revision alone included', () => {
    expect(hasUrlState('hash', '', '#sim-scenario=mix-up')).toBe(true);
    expect(hasUrlState('hash', '', '#sim-rev=2026-07-28')).toBe(true);
    expect(hasUrlState('hash', '', '#sim-step=2')).toBe(true);
    expect(hasUrlState('hash', '', '#sim-mode=strip-auth')).toBe(true);
  });

  it('stays closed for headings, the query and values it cannot use', () => {
    expect(hasUrlState('hash', '', '#pkce')).toBe(false);
    expect(hasUrlState('hash', '?scenario=mix-up', '')).toBe(false);
    expect(hasUrlState('hash', '', '#sim-rev=2025-11-25')).toBe(false);
    expect(hasUrlState('hash', '', '#sim-rev=latest&sim-step=x')).toBe(false);
  });
});

describe('the spec revision in the URL', () => {
  it('reads rev= from the query and sim-rev= from the hash', () => {
    expect(
      parseUrlState('query', '?scenario=mix-up&step=5&rev=2026-07-28', ''),
    ).toEqual({ scenario: 'mix-up', step: 5, rev: '2026-07-28' });
    expect(
      parseUrlState('hash', '?rev=2026-07-28', '#sim-scenario=mix-up'),
    ).toEqual({ scenario: 'mix-up' });
    expect(
      parseUrlState('hash', '', '#sim-scenario=mix-up&sim-rev=2026-07-28'),
    ).toEqual({ scenario: 'mix-up', rev: '2026-07-28' });
  });

  it('ignores an unknown revision and treats the default as absent', () => {
    expect(parseUrlState('query', '?scenario=cimd&rev=2027-01-01', '')).toEqual(
      { scenario: 'cimd' },
    );
    expect(parseUrlState('query', '?scenario=cimd&rev=latest', '')).toEqual({
      scenario: 'cimd',
    });
    expect(parseUrlState('query', '?scenario=cimd&rev=2025-11-25', '')).toEqual(
      { scenario: 'cimd' },
    );
  });

  it('writes a non-default revision and leaves the default out', () => {
    expect(
      serialiseUrlState(
        'query',
        { scenario: 'mix-up', step: 3, rev: '2026-07-28' },
        '?rev=2025-11-25',
        '',
      ).search,
    ).toBe('?scenario=mix-up&step=3&rev=2026-07-28');
    expect(
      serialiseUrlState(
        'query',
        { scenario: 'mix-up', step: 3, rev: '2025-11-25' },
        '?rev=2026-07-28',
        '',
      ).search,
    ).toBe('?scenario=mix-up&step=3');
    const state = { scenario: 'mix-up', step: 4, rev: '2026-07-28' as const };
    const { search, hash } = serialiseUrlState('hash', state, '?a=1', '');
    expect(hash).toBe('#sim-scenario=mix-up&sim-step=4&sim-rev=2026-07-28');
    expect(parseUrlState('hash', search, hash)).toEqual(state);
  });
});

describe('clock moves in the URL', () => {
  it('round-trips a readable list of moves', () => {
    const state = {
      scenario: 'key-rotation',
      step: 8,
      clock: [
        { at: 7, seconds: 3600 },
        { at: 7, seconds: 900 },
      ],
    };
    const { search } = serialiseUrlState('query', state, '', '');
    expect(search).toBe('?scenario=key-rotation&step=8&clock=7:3600,7:900');
    expect(parseUrlState('query', search, '')).toEqual(state);
  });

  it('drops a malformed list whole', () => {
    expect(parseClockMoves('1:60,x:5')).toBeUndefined();
    expect(parseClockMoves('1:-60')).toBeUndefined();
    expect(
      parseClockMoves(Array.from({ length: 51 }, () => '1:1').join(',')),
    ).toBeUndefined();
    expect(
      parseUrlState('hash', '', '#sim-scenario=cimd&sim-clock=0:60'),
    ).toEqual({
      scenario: 'cimd',
      clock: [{ at: 0, seconds: 60 }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  sameFields,
  sameItems,
} from '../../../src/components/Simulator/lib/same';

describe('sameItems', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  it('is true for the same items in order, whatever the array', () => {
    expect(sameItems([a, b], [a, b])).toBe(true);
    expect(sameItems(undefined, undefined)).toBe(true);
  });
  it('compares items by identity unless told otherwise', () => {
    expect(sameItems([a], [{ id: 'a' }])).toBe(false);
    expect(sameItems([a], [{ id: 'a' }], (x, y) => x.id === y.id)).toBe(true);
  });
  it('is false for another length, order or a missing list', () => {
    expect(sameItems([a, b], [a])).toBe(false);
    expect(sameItems([a, b], [b, a])).toBe(false);
    expect(sameItems([a], undefined)).toBe(false);
  });
});

describe('sameFields', () => {
  it('compares values one level deep, arrays by their items', () => {
    const keys = ['aud'];
    expect(
      sameFields({ part: 'request', keys }, { part: 'request', keys: ['aud'] }),
    ).toBe(true);
    expect(
      sameFields({ part: 'request', keys }, { part: 'request', keys: ['iss'] }),
    ).toBe(false);
    expect(sameFields({ n: 1 }, { n: 1, m: 2 } as { n: number })).toBe(false);
    expect(sameFields({ o: { x: 1 } }, { o: { x: 1 } })).toBe(false);
    expect(sameFields(null, null)).toBe(true);
    expect(sameFields({ n: 1 }, null)).toBe(false);
  });
});

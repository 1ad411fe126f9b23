/**
 * Equality for memoised views. Records and exchanges keep their identity from
 * one snapshot to the next, but the arrays and small objects derived from
 * them in a render are new each time: these compare them by content, one
 * level deep, so a view re-renders only when what it shows changed.
 */

/** Same length and the same items (by identity), in order. */
export function sameItems<T>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
  same: (x: T, y: T) => boolean = Object.is,
): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((x, i) => same(x, b[i] as T));
}

/** The same own keys with the same values (by identity, arrays by items). */
export function sameFields<T extends object>(
  a: T | null | undefined,
  b: T | null | undefined,
): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a) as (keyof T)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k];
    const y = b[k];
    if (Array.isArray(x) && Array.isArray(y)) return sameItems(x, y);
    return Object.is(x, y);
  });
}

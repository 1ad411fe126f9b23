import { useCallback, useMemo } from 'react';
import {
  parseUrlState,
  serialiseUrlState,
  type SimUrlState,
  type UrlStyle,
} from './lib/url-state';

/** Reads the simulator state from the URL once, and rewrites it in place. */
export function useUrlState(style: UrlStyle): {
  initial: SimUrlState;
  write: (state: SimUrlState) => void;
} {
  const initial = useMemo(
    () => parseUrlState(style, window.location.search, window.location.hash),
    [style],
  );
  const write = useCallback(
    (state: SimUrlState) => {
      const { pathname, search, hash } = window.location;
      const next = serialiseUrlState(style, state, search, hash);
      if (next.search === search && next.hash === hash) return;
      // replaceState keeps the router's history entry (and its state) intact.
      window.history.replaceState(
        window.history.state,
        '',
        `${pathname}${next.search}${next.hash}`,
      );
    },
    [style],
  );
  return { initial, write };
}

import { useCallback, useEffect, useMemo, useRef } from 'react';
import {
  parseUrlState,
  serialiseUrlState,
  type SimUrlState,
  type UrlStyle,
} from './lib/url-state';
import { whenIdle, type Cancel } from './lib/idle';

/**
 * Reads the simulator state from the URL once, and rewrites it in place.
 * Writes wait for an idle moment and coalesce, so a step's click never pays
 * for `history.replaceState` and "Run to end" writes once; a write still
 * waiting when the simulator unmounts or the address changes under it is
 * dropped.
 */
export function useUrlState(style: UrlStyle): {
  initial: SimUrlState;
  write: (state: SimUrlState) => void;
} {
  const initial = useMemo(
    () => parseUrlState(style, window.location.search, window.location.hash),
    [style],
  );
  const latest = useRef<SimUrlState | null>(null);
  const cancel = useRef<Cancel | null>(null);

  const flush = useCallback(() => {
    cancel.current = null;
    const state = latest.current;
    latest.current = null;
    if (!state) return;
    const { pathname, search, hash } = window.location;
    const next = serialiseUrlState(style, state, search, hash);
    if (next.search === search && next.hash === hash) return;
    // replaceState keeps the router's history entry (and its state) intact.
    window.history.replaceState(
      window.history.state,
      '',
      `${pathname}${next.search}${next.hash}`,
    );
  }, [style]);

  const write = useCallback(
    (state: SimUrlState) => {
      latest.current = state;
      // Idle, at the latest after 500 ms.
      cancel.current ??= whenIdle(flush, { timeoutMs: 500, fallbackMs: 50 });
    },
    [flush],
  );

  useEffect(() => {
    const drop = (): void => {
      cancel.current?.();
      cancel.current = null;
      latest.current = null;
    };
    // The reader followed a link: a write still waiting describes the state
    // before it and must not overwrite the new address.
    window.addEventListener('hashchange', drop);
    window.addEventListener('popstate', drop);
    return () => {
      window.removeEventListener('hashchange', drop);
      window.removeEventListener('popstate', drop);
      drop();
    };
  }, []);
  return { initial, write };
}

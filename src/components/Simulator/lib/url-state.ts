/**
 * The simulator's state in the URL, so any state is a shareable link.
 * `/simulator?scenario=<id>&step=<n>&mode=<backend mode>&clock=<at>:<s>,…&rev=<revision>`
 * on the page (the default revision is left out), and the same keys prefixed with `sim-` in the hash when
 * embedded in a doc
 * page (the query string there belongs to the docs site). Pure functions.
 */

import {
  BACKEND_MODES,
  DEFAULT_REVISION,
  isSpecRevision,
  type BackendMode,
  type SpecRevision,
} from '../../../simulator/engine/types';

type UrlBackendMode = BackendMode;

export interface SimUrlState {
  scenario?: string;
  /** How many steps have run (0 = none). */
  step?: number;
  mode?: UrlBackendMode;
  /** Clock moves: `seconds` added after `at` steps had run, in order. */
  clock?: ClockMove[];
  /** The spec revision; absent means the default (2025-11-25). */
  rev?: SpecRevision;
}

export interface ClockMove {
  at: number;
  seconds: number;
}

const MAX_CLOCK_MOVES = 50;

/** `3:3600,3:900` → moves; malformed lists are dropped whole. */
export function parseClockMoves(text: string): ClockMove[] | undefined {
  const parts = text.split(',');
  if (parts.length > MAX_CLOCK_MOVES) return undefined;
  const moves: ClockMove[] = [];
  for (const part of parts) {
    const match = /^(\d{1,3}):(\d{1,8})$/.exec(part);
    if (!match) return undefined;
    moves.push({ at: Number(match[1]), seconds: Number(match[2]) });
  }
  return moves;
}

/** Moves → `3:3600,3:900`, the form the URL carries. */
export function formatClockMoves(moves: readonly ClockMove[]): string {
  return moves.map((m) => `${m.at}:${m.seconds}`).join(',');
}

export type UrlStyle = 'query' | 'hash';

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function keys(style: UrlStyle): {
  scenario: string;
  step: string;
  mode: string;
  clock: string;
  rev: string;
} {
  const prefix = style === 'hash' ? 'sim-' : '';
  return {
    scenario: `${prefix}scenario`,
    step: `${prefix}step`,
    mode: `${prefix}mode`,
    clock: `${prefix}clock`,
    rev: `${prefix}rev`,
  };
}

function fromParams(params: URLSearchParams, style: UrlStyle): SimUrlState {
  const k = keys(style);
  const state: SimUrlState = {};
  const scenario = params.get(k.scenario);
  if (scenario && SCENARIO_ID.test(scenario)) state.scenario = scenario;
  const step = params.get(k.step);
  if (step !== null && /^\d{1,3}$/.test(step)) state.step = Number(step);
  const mode = params.get(k.mode);
  if (mode && (BACKEND_MODES as readonly string[]).includes(mode)) {
    state.mode = mode as UrlBackendMode;
  }
  const clock = params.get(k.clock);
  const moves = clock ? parseClockMoves(clock) : undefined;
  if (moves && moves.length > 0) state.clock = moves;
  const rev = params.get(k.rev);
  if (rev && isSpecRevision(rev) && rev !== DEFAULT_REVISION) state.rev = rev;
  return state;
}

/** Reads the state from `location.search` or `location.hash`. */
export function parseUrlState(
  style: UrlStyle,
  search: string,
  hash: string,
): SimUrlState {
  const raw = style === 'query' ? search : hash;
  const trimmed = raw.replace(/^[?#]/, '');
  return fromParams(new URLSearchParams(trimmed), style);
}

/**
 * Writes the state into the search or hash, keeping any unrelated parameters.
 * Returns the new `search` and `hash` (each with its leading `?`/`#`, or empty).
 */
export function serialiseUrlState(
  style: UrlStyle,
  state: SimUrlState,
  search: string,
  hash: string,
): { search: string; hash: string } {
  const k = keys(style);
  const source = style === 'query' ? search : hash;
  const params = new URLSearchParams(source.replace(/^[?#]/, ''));
  params.delete(k.scenario);
  params.delete(k.step);
  params.delete(k.mode);
  params.delete(k.clock);
  params.delete(k.rev);
  if (state.scenario) params.set(k.scenario, state.scenario);
  if (state.step !== undefined) params.set(k.step, String(state.step));
  if (state.mode) params.set(k.mode, state.mode);
  if (state.clock && state.clock.length > 0) {
    params.set(k.clock, formatClockMoves(state.clock));
  }
  if (state.rev && state.rev !== DEFAULT_REVISION) params.set(k.rev, state.rev);
  // ':' and ',' are fine in a query or fragment; keep clock lists readable.
  const text = params.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
  if (style === 'query') {
    return { search: text ? `?${text}` : '', hash };
  }
  return { search, hash: text ? `#${text}` : '' };
}

/** True when a parsed state names anything: a scenario, step, mode, clock or revision. */
export function isSomeState(state: SimUrlState): boolean {
  return Object.keys(state).length > 0;
}

/**
 * True when the URL carries any simulator state, a scenario or only a step,
 * mode, clock or revision (used to load the embed eagerly).
 */
export function hasUrlState(
  style: UrlStyle,
  search: string,
  hash: string,
): boolean {
  return isSomeState(parseUrlState(style, search, hash));
}

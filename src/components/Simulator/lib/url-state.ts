/**
 * The simulator's state in the URL, so any state is a shareable link.
 * `/simulator?scenario=<id>&step=<n>&mode=<backend mode>` on the page, and
 * `#sim-scenario=<id>&sim-step=<n>&sim-mode=<mode>` when embedded in a doc
 * page (the query string there belongs to the docs site). Pure functions.
 */

export const BACKEND_MODES = [
  'passthrough',
  'token-exchange',
  'upstream-swap',
  'strip-auth',
] as const;
export type UrlBackendMode = (typeof BACKEND_MODES)[number];

export interface SimUrlState {
  scenario?: string;
  /** How many steps have run (0 = none). */
  step?: number;
  mode?: UrlBackendMode;
}

export type UrlStyle = 'query' | 'hash';

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

function keys(style: UrlStyle): {
  scenario: string;
  step: string;
  mode: string;
} {
  const prefix = style === 'hash' ? 'sim-' : '';
  return {
    scenario: `${prefix}scenario`,
    step: `${prefix}step`,
    mode: `${prefix}mode`,
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
  if (state.scenario) params.set(k.scenario, state.scenario);
  if (state.step !== undefined) params.set(k.step, String(state.step));
  if (state.mode) params.set(k.mode, state.mode);
  const text = params.toString();
  if (style === 'query') {
    return { search: text ? `?${text}` : '', hash };
  }
  return { search, hash: text ? `#${text}` : '' };
}

/** True when the URL carries simulator state (used to load the embed eagerly). */
export function hasUrlState(
  style: UrlStyle,
  search: string,
  hash: string,
): boolean {
  return parseUrlState(style, search, hash).scenario !== undefined;
}

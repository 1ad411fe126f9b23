import type { ScenarioView } from '../engine-port';

/** A stand-in for a scenario the catalogue does not list (shown while a run loads). */
export function fallbackScenario(id: string): ScenarioView {
  return {
    id,
    title: id,
    group: 'happy-path',
    description: '',
    expected: { result: 'success' },
    expectedByRevision: {
      '2025-11-25': { result: 'success' },
      '2026-07-28': { result: 'success' },
    },
    backendMode: 'passthrough',
  };
}

/**
 * Step-up authorization (the spec's "Step-Up Authorization Flow"): after a
 * 403 with `error="insufficient_scope"`, authorize again for the scope the
 * challenge names, at most `maxStepUp` times, so a server that can never be
 * satisfied does not send the user round in circles.
 */
import { SimError } from '../../engine/errors';
import type { SpecRevision } from '../../engine/types';
import type { ClientCore } from './context';

/**
 * The scope to ask for on step-up. 2025-11-25 points to the scope selection
 * strategy, which makes the challenged scope authoritative, so the client
 * asks for exactly that. 2026-07-28 asks for the union of the scopes already
 * requested and the challenged ones, in that order, without duplicates.
 */
export function stepUpScopes(
  revision: SpecRevision,
  held: string | null,
  challenged: string,
): string {
  if (revision !== '2026-07-28') return challenged;
  const words = [...(held ?? '').split(' '), ...challenged.split(' ')].filter(
    (w) => w.length > 0,
  );
  return [...new Set(words)].join(' ');
}

export function stepUp(
  { o, s }: ClientCore,
  authorize: (scope: string | null) => Promise<string>,
) {
  return {
    /** Starts another authorization for the challenged scope, within the limit. */
    async stepUp(): Promise<string> {
      if (s.stepUpScope === null) return 'no step-up needed';
      s.stepUpAttempts += 1;
      if (s.stepUpAttempts > o.maxStepUp)
        throw new SimError('step_up_exhausted', 'step-up retry limit reached');
      return authorize(stepUpScopes(o.revision, s.scope, s.stepUpScope));
    },
  };
}

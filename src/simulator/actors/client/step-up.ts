/**
 * Step-up authorization (the spec's "Step-Up Authorization Flow"): after a
 * 403 with `error="insufficient_scope"`, authorize again for the scope the
 * challenge names, at most `maxStepUp` times, so a server that can never be
 * satisfied does not send the user round in circles.
 */
import { SimError } from '../../engine/errors';
import type { ClientCore } from './context';

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
      return authorize(s.stepUpScope);
    },
  };
}

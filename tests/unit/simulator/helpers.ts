import type { ExpectedOutcome, Transcript } from '../../../src/simulator';

/** The outcome a transcript actually reached, in the shape of a scenario's expected outcome. */
export function actualOutcome(t: Transcript): ExpectedOutcome {
  const failed = t.records.find((r) => r.status === 'failed');
  if (!failed) return { result: t.finished ? 'success' : 'failure' };
  const e = failed.error;
  return {
    result: 'failure',
    failedStepId: failed.stepId,
    ...(e?.check !== undefined ? { failedCheck: e.check } : {}),
    ...(e?.status !== undefined ? { status: e.status } : {}),
    ...(e?.oauthError !== undefined ? { error: e.oauthError } : {}),
  };
}

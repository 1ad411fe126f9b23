import type { ExpectedOutcome, Transcript } from '../../../src/simulator';

/** A transcript's outcome in the shape of ExpectedOutcome (wider: an unfinished run or an engine bug fits too). */
export type ActualOutcome =
  | ExpectedOutcome
  | {
      result: 'failure';
      failedStepId?: string;
      code?: string;
      failedCheck?: string;
      status?: number;
      error?: string;
    };

/** The outcome a transcript actually reached, including the failing step's error code. */
export function actualOutcome(t: Transcript): ActualOutcome {
  const failed = t.records.find((r) => r.status === 'failed');
  if (!failed)
    return t.finished ? { result: 'success' } : { result: 'failure' };
  const e = failed.error;
  return {
    result: 'failure',
    failedStepId: failed.stepId,
    ...(e?.code !== undefined ? { code: e.code } : {}),
    ...(e?.check !== undefined ? { failedCheck: e.check } : {}),
    ...(e?.status !== undefined ? { status: e.status } : {}),
    ...(e?.oauthError !== undefined ? { error: e.oauthError } : {}),
  };
}

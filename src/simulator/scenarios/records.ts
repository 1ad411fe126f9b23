/**
 * What a run produces: one record per step, one transcript per scenario.
 * Plain serialisable data, so a transcript compares byte for byte between
 * runs.
 */
import type {
  CheckId,
  CheckVerdict,
  ClockEvent,
  DecodedToken,
  DeviationId,
  Exchange,
} from '../engine/types';
import type { SimErrorCode } from '../engine/errors';
import type { StepId } from './steps';
import type { ScenarioId } from './scenarios';

/** A SimError's code, or `internal_error` for anything else thrown (an engine bug). */
type StepErrorCode = SimErrorCode | 'internal_error';

/** What a step did when it ran. One step = one record. */
export interface StepRecord {
  stepId: StepId;
  index: number;
  status: 'done' | 'failed';
  /** Machine-readable result, for example `401 invalid_token` or `code issued`. */
  outcome: string;
  exchanges: Exchange[];
  checks: CheckVerdict[];
  tokens: DecodedToken[];
  deviations: DeviationId[];
  /** Simulated time when the step started and ended. */
  startedAt: string;
  endedAt: string;
  /** Set when the step failed: a stable code and the error text. */
  error?: {
    code: StepErrorCode;
    message: string;
    /** HTTP status of the exchange that failed, when there was one. */
    status?: number;
    /** OAuth / RFC 6750 error code from that response, for example `invalid_token`. */
    oauthError?: string;
    /** The first check that failed in this step, when one did. */
    check?: CheckId;
  };
  /** Events caused by moving the simulated clock during this step (for example a JWKS refresh). */
  clockEvents?: ClockEvent[];
}

/** The whole run of a scenario so far. One scenario = one record. */
export interface Transcript {
  scenarioId: ScenarioId;
  records: StepRecord[];
  finished: boolean;
  /** `success` when every step passed, otherwise `failure`. */
  outcome: 'success' | 'failure' | 'running';
  /** Simulated time at the end of the transcript. */
  clock: string;
  /** Clock moves requested from outside the steps (`advanceClock`), in order. */
  clockEvents: ClockEvent[];
}

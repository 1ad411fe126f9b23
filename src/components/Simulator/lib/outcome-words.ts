/**
 * Chooses the words for a step's outcome from the record and the scenario:
 * a pure function, so a unit test can check every scenario's words without
 * rendering.
 */
import type { StepRecord } from '../../../simulator/scenarios/records';
import type { ExpectedOutcome } from '../../../simulator/scenarios/scenarios';
import type { SpecRevision } from '../../../simulator/engine/types';
import {
  DECIDER_NAMES,
  EXPECTED_REJECTION,
  FAILURE_CONTENT_BY_REVISION,
  SET_ASIDE,
  WITHOUT_AUTHZ,
  type FailureContent,
} from '../../../simulator/content/outcomes';
import { STEP_CONTENT } from '../../../simulator/content/steps';
import { decisiveExchange, failedCheck } from './decisive';

type OutcomeKind =
  /** The failure this scenario exists to show. */
  | 'rejected-as-expected'
  /** An error answer the flow expects and goes on from. */
  | 'expected-error'
  /** A failure the scenario did not plan (for example a changed setup). */
  | 'failed'
  | 'done';

export interface OutcomeWords {
  kind: OutcomeKind;
  /** Short headline: "Rejected, as expected", "Done", "Failed". */
  headline: string;
  /** Who decided, and whether the backend saw the request. */
  actor: string | null;
  /** What happened and why, for this scenario. */
  why: string;
  /** The scenario's verdict, for the failure it exists to show. */
  verdict: string | null;
}

function lookup<T>(table: Readonly<Record<string, T>>, id: string): T | null {
  return Object.prototype.hasOwnProperty.call(table, id)
    ? (table[id] ?? null)
    : null;
}

function backendWasCalled(record: StepRecord): boolean {
  return record.exchanges.some((x) => x.actor === 'backend');
}

/** "ToolHive's token validator refused it; the backend was never called." */
function actorLine(f: FailureContent, record: StepRecord): string {
  const who = DECIDER_NAMES[f.decider];
  const called = backendWasCalled(record);
  const mcp =
    f.decider === 'toolhive-validator' || f.decider === 'toolhive-authorizer';
  if (!mcp) return `${who} refused it.`;
  return called
    ? `${who} refused it after the backend MCP server answered.`
    : `${who} refused it; the backend MCP server was never called.`;
}

export function outcomeWords(options: {
  scenarioId: string;
  /** The spec revision the run follows. */
  revision: SpecRevision;
  /** The scenario's expected outcome under that revision. */
  expected: ExpectedOutcome;
  record: StepRecord;
  /** The reader changed the policy or backend mode from the scenario's own. */
  modified: boolean;
}): OutcomeWords {
  const { scenarioId, revision, expected, record, modified } = options;
  const failure = lookup<FailureContent>(
    FAILURE_CONTENT_BY_REVISION[revision],
    scenarioId,
  );
  const summary = lookup(STEP_CONTENT, record.stepId)?.summary ?? '';
  if (record.status === 'failed') {
    const planned =
      !modified &&
      expected.result === 'failure' &&
      expected.failedStepId === record.stepId;
    if (planned && failure) {
      return {
        kind: 'rejected-as-expected',
        headline: 'Rejected, as expected',
        actor: actorLine(failure, record),
        why: failure.why,
        verdict: failure.verdict,
      };
    }
    const check = failedCheck(record);
    const x = decisiveExchange(record);
    const who =
      x?.actor === 'toolhive'
        ? check?.id === 'cedar'
          ? "ToolHive's Cedar authorizer"
          : 'ToolHive'
        : x?.actor === 'authorization-server'
          ? 'The authorization server'
          : 'Your MCP client';
    return {
      kind: 'failed',
      headline: modified ? 'Failed with the setup you changed' : 'Failed',
      actor: `${who} refused it${backendWasCalled(record) ? '' : '; the backend MCP server was never called'}.`,
      why: check?.detail ?? record.error?.message ?? record.outcome,
      verdict: null,
    };
  }
  const status = decisiveExchange(record)?.response.status ?? 0;
  const rejection = lookup(EXPECTED_REJECTION, record.stepId);
  if (rejection && status === rejection.status) {
    return {
      kind: 'expected-error',
      headline: `${status} answer, as expected`,
      actor: null,
      why: rejection.text,
      verdict: null,
    };
  }
  const setAside = record.checks
    .filter((c) => c.status === 'fail')
    .map((c) => lookup(SET_ASIDE, c.id))
    .find((text) => text !== null);
  if (setAside) {
    return {
      kind: 'done',
      headline: 'Done',
      actor: null,
      why: setAside,
      verdict: null,
    };
  }
  const authz = record.checks.some((c) => c.id === 'cedar');
  const plain = authz ? null : lookup(WITHOUT_AUTHZ, record.stepId);
  return {
    kind: 'done',
    headline: 'Done',
    actor: null,
    why: plain ?? summary,
    verdict: null,
  };
}

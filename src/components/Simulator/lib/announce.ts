/**
 * The sentence the live region reads after each action. Pure, so the wording
 * is unit-tested.
 */
import type { Action, Snapshot } from '../useSimulator';
import { formatInstant } from './format-time';

export type AnnounceInput = Pick<
  Snapshot,
  'steps' | 'records' | 'finished' | 'clock' | 'config'
> & { transcript: Pick<Snapshot['transcript'], 'outcome'> };

/** One sentence for the live region about what the last action did. */
export function announcement(snapshot: AnnounceInput, action: Action): string {
  const total = snapshot.steps.length;
  const last = snapshot.records[snapshot.records.length - 1];
  const title = (i: number): string => snapshot.steps[i]?.title ?? '';
  const outcome = last?.outcome.replace(/[.\s]+$/, '') ?? '';
  const lastText = last
    ? `Step ${last.index + 1} of ${total}, ${title(last.index)}: ${last.status}, ${outcome}.`
    : 'No steps have run.';
  switch (action.kind) {
    case 'load':
      return `Loaded ${snapshot.config.scenarioId}. ${lastText}`;
    case 'reset':
      return `Reset. No steps have run.`;
    case 'clock':
      return `Clock moved to ${formatInstant(snapshot.clock)}.`;
    case 'run-to-end':
      return `Ran to the end: ${snapshot.transcript.outcome}. ${lastText}`;
    default:
      return snapshot.finished && last
        ? `${lastText} Scenario finished: ${snapshot.transcript.outcome}.`
        : lastText;
  }
}

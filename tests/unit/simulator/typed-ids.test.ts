/**
 * The step and scenario tables own their ids. The `@ts-expect-error` lines
 * are checked by `npm run typecheck`: if a made-up id ever type-checked as a
 * StepId or ScenarioId, or content could miss a step, tsc would fail here.
 */
import { describe, expect, it } from 'vitest';
import {
  SCENARIOS,
  STEPS,
  STEP_CONTENT,
  isScenarioId,
  isStepId,
  type ScenarioId,
  type StepContent,
  type StepId,
} from '../../../src/simulator';

describe('typed ids', () => {
  it('rejects ids that are not in the tables, at compile time and at run time', () => {
    // @ts-expect-error not a step in the step table
    const step: StepId = 'call_tool_twice';
    // @ts-expect-error not a scenario in the scenario table
    const scenario: ScenarioId = 'happy-path-2';
    expect(isStepId(step)).toBe(false);
    expect(isScenarioId(scenario)).toBe(false);
    expect(isStepId('call_tool')).toBe(true);
    expect(isScenarioId('cedar-deny')).toBe(true);
  });

  it('requires content for every step', () => {
    const { call_tool: _dropped, ...rest } = STEP_CONTENT;
    // @ts-expect-error call_tool has no text, so this is not a complete table
    const incomplete: Record<StepId, StepContent> = rest;
    expect(Object.keys(incomplete)).not.toContain('call_tool');
  });

  it('lists only known steps in each scenario and names a listed step when it fails', () => {
    for (const s of SCENARIOS) {
      for (const id of s.steps)
        expect(STEPS[id], `${s.id}: ${id}`).toBeDefined();
      if (s.expected.result === 'failure')
        expect(s.steps, s.id).toContain(s.expected.failedStepId);
    }
  });
});

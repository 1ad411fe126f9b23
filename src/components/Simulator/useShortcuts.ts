import { useEffect, useMemo, type RefObject } from 'react';
import type { Action } from './useSimulator';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * Single-key shortcuts (no modifiers). Ignored while focus is in a text
 * field, so typing a policy or a token never steps the simulation.
 */
function useShortcuts(
  scope: 'page' | 'simulator',
  rootRef: RefObject<HTMLElement | null>,
  keys: Readonly<Record<string, () => void>>,
): void {
  useEffect(() => {
    const target: HTMLElement | Document | null =
      scope === 'page' ? document : rootRef.current;
    if (!target) return undefined;
    const onKey = (event: Event): void => {
      const e = event as KeyboardEvent;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (isTyping(e.target)) return;
      const handler = keys[e.key.toLowerCase()];
      if (!handler) return;
      e.preventDefault();
      handler();
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [scope, rootRef, keys]);
}

/** N, B, E and R step the simulation, each only when its button would act. */
export function useStepKeys(o: {
  busy: boolean;
  canNext: boolean;
  canBack: boolean;
  act: (action: Action) => void;
  scope: 'page' | 'simulator';
  rootRef: RefObject<HTMLElement | null>;
}): void {
  const { busy, canNext, canBack, act } = o;
  const keys = useMemo(
    () => ({
      n: () => {
        if (!busy && canNext) act({ kind: 'next' });
      },
      b: () => {
        if (!busy && canBack) act({ kind: 'back' });
      },
      e: () => {
        if (!busy && canNext) act({ kind: 'run-to-end' });
      },
      r: () => {
        if (!busy && canBack) act({ kind: 'reset' });
      },
    }),
    [busy, canNext, canBack, act],
  );
  useShortcuts(o.scope, o.rootRef, keys);
}

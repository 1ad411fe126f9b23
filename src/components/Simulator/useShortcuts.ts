import { useEffect, type RefObject } from 'react';

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
export function useShortcuts(
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

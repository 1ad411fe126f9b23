/**
 * Where the reader is looking, kept steady while the simulator re-runs:
 * after a step runs its result scrolls into view (once it has rendered);
 * after Apply or a mode change the editor stays at the same height on the
 * screen; an arrow of the diagram opens its exchange.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';

export interface Place {
  /** Bumped once a step run has rendered; StepDetail scrolls on change. */
  revealKey: number;
  /** Call before Next, Back or Run to end. */
  wantReveal: () => void;
  /** Call before a re-run: keeps the element matching `selector` in place. */
  holdPlace: (selector: string) => void;
  /** Scrolls to an exchange now, or after its step is shown. */
  openExchange: (exchangeId: string, showStep: () => void) => void;
}

function scrollToExchange(id: string): boolean {
  const el = document.getElementById(`sim-exchange-${id}`);
  if (!el) return false;
  el.scrollIntoView({ block: 'start' });
  el.focus({ preventScroll: true });
  return true;
}

export function usePlace(
  rootRef: RefObject<HTMLElement | null>,
  busy: boolean,
  /** Changes whenever the run or the shown step changes. */
  version: unknown,
): Place {
  const [revealKey, setRevealKey] = useState(0);
  const reveal = useRef(false);
  const place = useRef<{ selector: string; top: number } | null>(null);
  const pendingExchange = useRef<string | null>(null);

  useEffect(() => {
    if (busy || !reveal.current) return;
    reveal.current = false;
    setRevealKey((k) => k + 1);
  }, [busy, version]);

  useLayoutEffect(() => {
    if (busy || !place.current) return;
    const { selector, top } = place.current;
    place.current = null;
    const el = rootRef.current?.querySelector(selector);
    if (el) {
      const dy = el.getBoundingClientRect().top - top;
      window.scrollBy({ top: dy, behavior: 'instant' });
    }
  }, [busy, version, rootRef]);

  useEffect(() => {
    const id = pendingExchange.current;
    if (id && scrollToExchange(id)) pendingExchange.current = null;
  }, [version]);

  const wantReveal = useCallback(() => {
    reveal.current = true;
  }, []);

  const holdPlace = useCallback(
    (selector: string) => {
      const el = rootRef.current?.querySelector(selector);
      place.current = el
        ? { selector, top: el.getBoundingClientRect().top }
        : null;
    },
    [rootRef],
  );

  const openExchange = useCallback(
    (exchangeId: string, showStep: () => void) => {
      if (scrollToExchange(exchangeId)) return;
      pendingExchange.current = exchangeId;
      showStep();
    },
    [],
  );

  return { revealKey, wantReveal, holdPlace, openExchange };
}

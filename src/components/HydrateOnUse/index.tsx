import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import { useHydratingServerHtml } from '@site/src/utils/server-html';
import {
  restoreSelection,
  saveSelection,
  type SavedSelection,
} from './selection';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

function focusables(root: HTMLElement | null): HTMLElement[] {
  return root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)] : [];
}

/**
 * Loads what `children` need before they render (a chunk of code): undefined
 * when it is already there, else a promise of it.
 */
type Prepare = () => Promise<void> | undefined;

/**
 * Keeps server-rendered markup as it is while the page hydrates, and renders
 * `children` for real only when the reader first uses it (mouse over, focus,
 * click). Until then React does no work for it: a `dangerouslySetInnerHTML`
 * element's existing children are not hydrated. Markup that depends on the
 * color mode must follow it by CSS (code blocks do: src/utils/prism-dark.ts).
 *
 * With `prepare`, the markup stays until what `children` need has loaded, and
 * stays for good if that fails. Loading starts with the first use, not when
 * the markup comes near the viewport: on a phone, a page whose first block is
 * near its top then paid for the chunk during its load (bench/RESULTS.md).
 *
 * The swap keeps what the reader was doing: focus and a click move to the
 * element that replaced the one they hit, a held Tab moves on from it, and
 * text selected in the markup is selected again (a swap waits while a mouse
 * button pressed in the markup is down, so that a drag can finish).
 *
 * With no server markup (after a client-side navigation, or on the
 * development server) it renders at once.
 * The markup must not depend on browser state, which a code block satisfies.
 */
export default function HydrateOnUse({
  children,
  prepare,
}: {
  children: ReactNode;
  prepare?: Prepare;
}): ReactNode {
  const hydrating = useHydratingServerHtml();
  // Render for real unless React is hydrating the server's HTML: on the
  // server, after a client-side navigation, and on the development server.
  const [live, setLive] = useState(!hydrating);
  // Used, and waiting for `prepare`.
  const [waking, setWaking] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const replay = useRef<{
    index: number;
    kind: 'focus' | 'click' | 'tab';
  } | null>(null);
  // The element a held Tab moves on from, and a count that renders once the
  // live block has settled.
  const tabFrom = useRef<HTMLElement | null>(null);
  const [settled, setSettled] = useState(0);
  // Text the reader selected in the markup, selected again in the live block;
  // and, while a mouse button pressed in the markup is down, the swap that
  // waits for its release (a drag that selects text would lose it).
  const selection = useRef<SavedSelection | null>(null);
  const pressed = useRef(false);
  const whenReleased = useRef<(() => void) | null>(null);

  // Hand focus (and a click) on to the element that replaced the one the
  // event hit, so nothing the reader did is lost.
  useLayoutEffect(() => {
    const pending = replay.current;
    if (!live || !pending) return;
    replay.current = null;
    const twins = focusables(ref.current);
    const twin = twins[pending.index] ?? twins.at(-1);
    if (pending.kind === 'click') twin?.click();
    else twin?.focus();
    if (pending.kind === 'tab') tabFrom.current = twin ?? null;
  }, [live]);

  useLayoutEffect(() => {
    const saved = selection.current;
    if (!live || !saved || !ref.current) return;
    selection.current = null;
    restoreSelection(ref.current, saved);
  }, [live]);

  // A held Tab moves on from there once the live block has settled: it adds
  // some buttons only in the render after its own effects (a code block's
  // word-wrap button, once it has measured that its code scrolls sideways).
  // Children's effects run before this one, and React renders the updates
  // they make together with this one.
  useEffect(() => {
    if (live && tabFrom.current) setSettled((n) => n + 1);
  }, [live]);
  useLayoutEffect(() => {
    const from = tabFrom.current;
    if (!settled || !from) return;
    tabFrom.current = null;
    if (document.activeElement !== from) return;
    const all = focusables(ref.current);
    all[all.indexOf(from) + 1]?.focus();
  }, [settled]);

  useEffect(() => {
    if (!waking || live) return;
    let current = true;
    (prepare?.() ?? Promise.resolve()).then(
      () => {
        if (!current) return;
        // The reader has moved on while it loaded: leave their focus be.
        const pending = replay.current;
        if (
          pending &&
          pending.kind !== 'click' &&
          !ref.current?.contains(document.activeElement)
        ) {
          replay.current = null;
        }
        if (pressed.current) whenReleased.current = goLive;
        else goLive();
      },
      () => {
        if (!current) return;
        // The markup stays, still readable; a later use tries again.
        replay.current = null;
        setWaking(false);
      },
    );
    return () => {
      current = false;
    };
  }, [waking, live, prepare]);

  function goLive() {
    selection.current = ref.current ? saveSelection(ref.current) : null;
    setLive(true);
  }

  if (live) {
    return (
      <div key="live" ref={ref}>
        {children}
      </div>
    );
  }

  // Where the event's element stands among the markup's focusable ones.
  const indexOfTarget = (event: SyntheticEvent) =>
    focusables(ref.current).indexOf(event.target as HTMLElement);

  const wake = (event: SyntheticEvent, kind: 'focus' | 'click' | null) => {
    const index = indexOfTarget(event);
    if (kind && index >= 0) replay.current = { index, kind };
    // Nothing to wait for: render now, in this event.
    if (prepare?.() === undefined && !pressed.current) goLive();
    else setWaking(true);
  };

  // Tab while waiting: the server markup lacks what the live block adds (a
  // code block's buttons), so hold the focus here and move it on to the next
  // element of the live block once it renders.
  const holdTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.shiftKey || !waking) return;
    const index = indexOfTarget(event);
    if (index < 0) return;
    event.preventDefault();
    replay.current = { index, kind: 'tab' };
  };

  return (
    <div
      key="static"
      ref={ref}
      // Empty on purpose: React keeps the server's children untouched.
      dangerouslySetInnerHTML={{ __html: '' }}
      suppressHydrationWarning
      onPointerEnter={(e) => {
        if (e.pointerType === 'mouse') wake(e, null);
      }}
      onPointerDown={(e) => {
        if (e.pointerType !== 'mouse' || e.button !== 0) return;
        pressed.current = true;
        // Whatever ends the press ends it once; the listeners go with it.
        const listening = new AbortController();
        const release = () => {
          listening.abort();
          pressed.current = false;
          const go = whenReleased.current;
          whenReleased.current = null;
          go?.();
        };
        const options = { capture: true, signal: listening.signal };
        for (const type of [
          'pointerup',
          'pointercancel',
          'dragstart',
          'contextmenu',
        ])
          document.addEventListener(type, release, options);
        window.addEventListener('blur', release, options);
      }}
      onFocus={(e) => wake(e, 'focus')}
      onClick={(e) => wake(e, 'click')}
      onKeyDown={holdTab}
    />
  );
}

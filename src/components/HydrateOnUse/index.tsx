import {
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
  type SyntheticEvent,
} from 'react';
import { useHydratingServerHtml } from '@site/src/utils/server-html';
import { useColorMode, useThemeConfig } from '@docusaurus/theme-common';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

function focusables(root: HTMLElement | null): HTMLElement[] {
  return root ? [...root.querySelectorAll<HTMLElement>(FOCUSABLE)] : [];
}

/**
 * Keeps server-rendered markup as it is while the page hydrates, and renders
 * `children` for real only when the reader first uses it (mouse over, focus,
 * click) or when the color mode differs from the one the HTML was built with
 * (code colors are inline styles). Until then React does no work for it: a
 * `dangerouslySetInnerHTML` element's existing children are not hydrated.
 *
 * With no server markup (after a client-side navigation, or on the
 * development server) it renders at once.
 * The markup must not depend on browser state, which a code block satisfies.
 */
export default function HydrateOnUse({
  children,
}: {
  children: ReactNode;
}): ReactNode {
  const hydrating = useHydratingServerHtml();
  const { colorMode } = useColorMode();
  const { defaultMode } = useThemeConfig().colorMode;
  // Render for real unless React is hydrating the server's HTML: on the
  // server, after a client-side navigation, and on the development server.
  const [live, setLive] = useState(!hydrating);
  const ref = useRef<HTMLDivElement>(null);
  const replay = useRef<{ index: number; kind: 'focus' | 'click' } | null>(
    null,
  );

  // Hand focus (and a click) on to the element that replaced the one the
  // event hit, so nothing the reader did is lost.
  useLayoutEffect(() => {
    const pending = replay.current;
    if (!live || !pending) return;
    replay.current = null;
    const twin = focusables(ref.current)[pending.index];
    if (pending.kind === 'focus') twin?.focus();
    else twin?.click();
  }, [live]);

  // Code colors are inline styles of the build's default mode: in any other
  // mode render for real, and stay so (React's "adjust state while
  // rendering" pattern; the first render during hydration always matches).
  if (!live && colorMode !== defaultMode) setLive(true);

  if (live) {
    return (
      <div key="live" ref={ref}>
        {children}
      </div>
    );
  }

  const wake = (event: SyntheticEvent, kind: 'focus' | 'click' | null) => {
    const index = focusables(ref.current).indexOf(event.target as HTMLElement);
    if (kind && index >= 0) replay.current = { index, kind };
    setLive(true);
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
      onFocus={(e) => wake(e, 'focus')}
      onClick={(e) => wake(e, 'click')}
    />
  );
}

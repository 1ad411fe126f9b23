import { useEffect, useRef, useState, type ReactNode } from 'react';
import Simulator from '@site/src/components/Simulator';
import Placeholder from '@site/src/components/Simulator/Placeholder';
import { hasUrlState } from '@site/src/components/Simulator/lib/url-state';

export interface SimulatorEmbedProps {
  /** Scenario to open when the link carries none. */
  scenario?: string;
}

/**
 * The simulator inside a doc page. Until it scrolls into view, or the reader
 * presses Start, only this small component and its placeholder are on the
 * page: the engine, msw, jose and Cedar load after that. A deep link
 * (`#sim-scenario=…`) loads it at once.
 */
export default function SimulatorEmbed({
  scenario,
}: SimulatorEmbedProps): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<false | 'seen' | 'started'>(false);

  useEffect(() => {
    if (active) return undefined;
    if (hasUrlState('hash', window.location.search, window.location.hash)) {
      const frame = requestAnimationFrame(() => setActive('seen'));
      return () => cancelAnimationFrame(frame);
    }
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      return undefined;
    }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      // Keep the reader's focus in the simulator if it was on the placeholder.
      setActive(element.contains(document.activeElement) ? 'started' : 'seen');
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [active]);

  return (
    <div ref={ref} data-simulator-embed="">
      {active ? (
        <Simulator
          urlStyle="hash"
          variant="embed"
          defaultScenario={scenario}
          focusOnLoad={active === 'started'}
        />
      ) : (
        <Placeholder onStart={() => setActive('started')} />
      )}
    </div>
  );
}

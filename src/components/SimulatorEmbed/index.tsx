import { useEffect, useState, type ReactNode } from 'react';
import Simulator from '@site/src/components/Simulator';
import { hasUrlState } from '@site/src/components/Simulator/lib/url-state';
import StartCard from './StartCard';

export interface SimulatorEmbedProps {
  /** Scenario to open when the link carries none. */
  scenario?: string;
}

/**
 * The simulator inside a doc page. Until the reader presses Start, only a
 * short start card is on the page, and none of the simulator's code (engine,
 * msw, jose, Cedar) has loaded. A deep link (`#sim-scenario=…`, or any other
 * `#sim-…` key such as `#sim-rev=…`) starts it at once, including one
 * followed later on the same page.
 */
export default function SimulatorEmbed({
  scenario,
}: SimulatorEmbedProps): ReactNode {
  const [active, setActive] = useState<false | 'linked' | 'started'>(false);

  useEffect(() => {
    if (active) return undefined;
    const fromUrl = () =>
      hasUrlState('hash', window.location.search, window.location.hash);
    if (fromUrl()) {
      const frame = requestAnimationFrame(() => setActive('linked'));
      return () => cancelAnimationFrame(frame);
    }
    const onHash = () => {
      if (fromUrl()) setActive('linked');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [active]);

  return (
    <div data-simulator-embed="">
      {active ? (
        <Simulator
          urlStyle="hash"
          variant="embed"
          defaultScenario={scenario}
          focusOnLoad={active === 'started'}
        />
      ) : (
        <StartCard onStart={() => setActive('started')} />
      )}
    </div>
  );
}

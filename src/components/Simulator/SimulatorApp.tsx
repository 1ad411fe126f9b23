import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import clsx from 'clsx';
import type { EnginePort } from './engine-port';
import Placeholder from './Placeholder';
import SimulatorView from './SimulatorView';
import { useEngine } from './useEngine';
import layout from './layout.module.css';
import styles from './styles.module.css';

export interface SimulatorAppProps {
  /** `query` on the simulator page, `hash` when embedded in a doc page. */
  urlStyle: 'query' | 'hash';
  variant: 'page' | 'embed';
  /** Scenario to open when the URL names none. */
  defaultScenario?: string;
  /** Move focus into the simulator once it has loaded (after "Start"). */
  focusOnLoad?: boolean;
}

function Message({ children }: { children: ReactNode }): ReactNode {
  return (
    <section
      className={clsx(layout.root, layout.reserve)}
      aria-label="MCP authorization flow simulator"
    >
      {children}
    </section>
  );
}

/** The lazily loaded simulator: environment checks, then the view. */
export default function SimulatorApp(props: SimulatorAppProps): ReactNode {
  const state = useEngine();
  if (state.status === 'no-crypto') {
    return (
      <Message>
        <p role="alert" className={styles.error}>
          The simulator needs WebCrypto to sign and check tokens, and this
          browser only offers it on secure pages. Open this site over HTTPS (or
          on localhost) to use the simulator. The rest of the page works as
          usual.
        </p>
      </Message>
    );
  }
  if (state.status === 'error') {
    return (
      <Message>
        <p role="alert" className={styles.error}>
          The simulator could not start: {state.message}
        </p>
      </Message>
    );
  }
  if (state.status === 'loading') return <Placeholder />;
  return <Ready engine={state.engine} {...props} />;
}

function Ready({
  engine,
  focusOnLoad,
  ...props
}: SimulatorAppProps & { engine: EnginePort }): ReactNode {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOnLoad) ref.current?.focus();
  }, [focusOnLoad]);
  const scenarios = useMemo(() => engine.scenarios, [engine]);
  return (
    <SimulatorView
      engine={engine}
      scenarios={scenarios}
      rootRef={ref}
      {...props}
    />
  );
}

import { Component, lazy, Suspense, type ReactNode } from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import Placeholder from './Placeholder';
import type { SimulatorAppProps } from './SimulatorApp';
import layout from './layout.module.css';
import styles from './styles.module.css';

// The heavy part (engine, msw, jose, Cedar) is a separate chunk, fetched only
// when this component renders in the browser. The engine's chunks (imported
// by the app once it mounts) are requested at the same moment, so the first
// start downloads them side by side rather than one after the other.
const SimulatorApp = lazy(() => {
  const app = import('./SimulatorApp');
  void import('./engine-adapter').catch(() => undefined);
  if ('serviceWorker' in navigator) {
    void import('@site/src/simulator/http/browser').catch(() => undefined);
  }
  return app;
});

export type SimulatorProps = SimulatorAppProps;

interface BoundaryState {
  error: Error | null;
}

class SimulatorErrorBoundary extends Component<
  { children: ReactNode },
  BoundaryState
> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <section
          className={layout.root}
          aria-label="MCP authorization flow simulator"
        >
          <p role="alert" className={styles.error}>
            The simulator stopped with an error: {this.state.error.message}.
            Reload the page to try again.
          </p>
        </section>
      );
    }
    return this.props.children;
  }
}

/** The shared simulator: client-only, lazy, behind a same-shaped placeholder. */
export default function Simulator(props: SimulatorProps): ReactNode {
  return (
    <BrowserOnly fallback={<Placeholder />}>
      {() => (
        <SimulatorErrorBoundary>
          <Suspense fallback={<Placeholder />}>
            <SimulatorApp {...props} />
          </Suspense>
        </SimulatorErrorBoundary>
      )}
    </BrowserOnly>
  );
}

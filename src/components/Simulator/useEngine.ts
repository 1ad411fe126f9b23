import { useEffect, useState } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { EnginePort } from './engine-port';

export type EngineState =
  | { status: 'loading' }
  | { status: 'no-crypto' }
  | { status: 'error'; message: string }
  | { status: 'ready'; engine: EnginePort };

/** True when WebCrypto (needed to sign and verify tokens) is available. */
function hasWebCrypto(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext !== false &&
    typeof globalThis.crypto?.subtle?.importKey === 'function'
  );
}

/**
 * Loads and compiles Cedar (a 4 MB wasm) through the engine's own cached
 * loader once the browser is idle, so the first authorization step does not
 * wait on the download while the reader is still on the first step. Checking
 * the default policy is a no-op for the reader. Returns a cancel function.
 */
function warmCedar(engine: EnginePort): () => void {
  const run = () => {
    engine.checkPolicy(engine.defaultPolicy).catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}

/**
 * Loads the engine and starts its transport: MSW's service worker when it
 * can, the in-page `getResponse` fallback otherwise. Stops it on unmount.
 */
export function useEngine(): EngineState {
  const workerUrl = useBaseUrl('/mockServiceWorker.js');
  const scope = useBaseUrl('/');
  const [state, setState] = useState<EngineState>(() =>
    hasWebCrypto() ? { status: 'loading' } : { status: 'no-crypto' },
  );

  useEffect(() => {
    if (!hasWebCrypto()) return undefined;
    let cancelled = false;
    let engine: EnginePort | null = null;
    let warm: (() => void) | null = null;
    void (async () => {
      try {
        const { loadEngine } = await import('./engine-adapter');
        engine = await loadEngine({ workerUrl, scope });
        if (cancelled) {
          await engine.stop();
          return;
        }
        setState({ status: 'ready', engine });
        warm = warmCedar(engine);
      } catch (e) {
        if (!cancelled) {
          setState({
            status: 'error',
            message: e instanceof Error ? e.message : String(e),
          });
        }
      }
    })();
    return () => {
      cancelled = true;
      warm?.();
      void engine?.stop();
    };
  }, [workerUrl, scope]);

  return state;
}

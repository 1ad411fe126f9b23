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
    void (async () => {
      try {
        const { loadEngine } = await import('./engine-adapter');
        engine = await loadEngine({ workerUrl, scope });
        if (cancelled) {
          await engine.stop();
          return;
        }
        setState({ status: 'ready', engine });
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
      void engine?.stop();
    };
  }, [workerUrl, scope]);

  return state;
}

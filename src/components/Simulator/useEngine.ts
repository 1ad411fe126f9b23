import { useEffect, useState } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { EnginePort } from './engine-port';
import { browserIdle, warmInIdle } from './lib/warm';

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
 * loader and runs it once, at idle moments, so that neither the download nor
 * the first decision's compilation waits for the reader's first
 * authorization step. Checking the default policy and a throwaway decision
 * change nothing the reader sees. Returns a cancel function.
 */
function warmCedar(engine: EnginePort): () => void {
  return warmInIdle(
    {
      parse: () => engine.checkPolicy(engine.defaultPolicy),
      decide: () => engine.warmCedar(),
    },
    browserIdle,
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

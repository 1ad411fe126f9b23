/**
 * Loads the Cedar `/web` build in a browser: an explicit init with the URL of
 * cedar_wasm_bg.wasm (about 4.3 MB, 1.4 MB gzipped). Pass the result as
 * `loadCedar`; the engine calls it only when an authorization step first runs.
 *
 * The wasm file must be served by the site, for example copied to
 * `static/cedar/cedar_wasm_bg.wasm` and addressed with
 * `useBaseUrl('/cedar/cedar_wasm_bg.wasm')`.
 */
import type { CedarApi, CedarLoader } from '../engine/cedar-api';

export function createWebCedarLoader(wasmUrl: string | URL): CedarLoader {
  let loaded: Promise<CedarApi> | null = null;
  return () => {
    if (!loaded) {
      loaded = (async () => {
        const mod = await import('@cedar-policy/cedar-wasm/web');
        await mod.default({ module_or_path: wasmUrl });
        return mod as unknown as CedarApi;
      })();
      loaded.catch(() => {
        loaded = null;
      });
    }
    return loaded;
  };
}

/**
 * The part of @cedar-policy/cedar-wasm the simulator uses. The `/nodejs`
 * build and the `/web` build (after its init) both satisfy it.
 */
import type * as CedarModule from '@cedar-policy/cedar-wasm/nodejs';

export type CedarApi = Pick<
  typeof CedarModule,
  | 'isAuthorized'
  | 'checkParsePolicySet'
  | 'preparsePolicySet'
  | 'statefulIsAuthorized'
>;
export type CedarLoader = () => Promise<CedarApi>;

/**
 * Default loader. In Node it imports the `/nodejs` build; in a browser there is
 * no default, because the `/web` build must be initialised first, so browser
 * code passes `loadCedar` (usually `webCedarLoader`).
 */
export const defaultCedarLoader: CedarLoader = async () => {
  const isNode =
    typeof process !== 'undefined' &&
    typeof process.versions?.node === 'string';
  if (!isNode) {
    throw new Error(
      'no Cedar loader: pass loadCedar (for example webCedarLoader) in a browser',
    );
  }
  const specifier = '@cedar-policy/cedar-wasm/nodejs';
  const mod = (await import(
    /* webpackIgnore: true */ /* @vite-ignore */ specifier
  )) as CedarApi & { default?: CedarApi };
  return typeof mod.isAuthorized === 'function'
    ? mod
    : (mod.default as CedarApi);
};

/**
 * Cedar's `/web` build, initialised from its own default wasm location
 * (`new URL('cedar_wasm_bg.wasm', import.meta.url)`), which a bundler emits
 * as an asset next to the chunk. Imported only when first called.
 */
export const webCedarLoader: CedarLoader = async () => {
  const mod = await import('@cedar-policy/cedar-wasm/web');
  await mod.default();
  return mod as unknown as CedarApi;
};

/** Loads once and shares the promise; a failed load is tried again next time. */
export function cachedLoader(loader: CedarLoader): () => Promise<CedarApi> {
  let p: Promise<CedarApi> | null = null;
  return () => {
    if (!p) {
      p = loader();
      p.catch(() => {
        p = null;
      });
    }
    return p;
  };
}

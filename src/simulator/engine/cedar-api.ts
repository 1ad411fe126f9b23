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
 * no default, because the `/web` build needs an explicit init with a wasm URL
 * (the UI loads the `/web` build in `src/components/Simulator/engine-adapter.ts`), so the UI must pass `loadCedar`.
 */
export const defaultCedarLoader: CedarLoader = async () => {
  const isNode =
    typeof process !== 'undefined' &&
    typeof process.versions?.node === 'string';
  if (!isNode) {
    throw new Error(
      'no Cedar loader: pass loadCedar (for example createWebCedarLoader(wasmUrl)) in a browser',
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

import { createElement, lazy, type ComponentType } from 'react';
import type { Props } from '@theme/CodeBlock';

interface HighlightedModule {
  default: ComponentType<Props>;
}

let loaded: HighlightedModule | undefined;
let loading: Promise<void> | undefined;

/**
 * Fetches the chunk of the highlighted code block (./Highlighted: Prism, its
 * languages and the theme's code block), once: undefined when it is loaded,
 * else a promise that settles when it is. The server's build resolves this
 * module to ./highlighter.server instead (src/plugins/prism-on-demand.ts).
 */
export function loadHighlighter(): Promise<void> | undefined {
  if (loaded) return undefined;
  loading ??= import('./Highlighted').then(
    (module) => {
      loaded = module;
    },
    (error: unknown) => {
      // Let a later use try again (a dropped connection, say).
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The highlighted code block. Rendered once the chunk is loaded (after
 * `loadHighlighter` settles), it renders at once. Rendered before that (after
 * a client-side navigation, with no server HTML to keep), it suspends, and
 * React keeps the page before on screen until the chunk is there, as it does
 * for the new page's own chunks: the page renders once, at its final height,
 * so a link to one of its anchors lands on it. If the chunk fails to load
 * there (offline), blocks show their code as plain text for the rest of the
 * visit, instead of the page failing; a reload tries again.
 */
export const HighlightedCodeBlock = lazy(() => {
  const pending = loadHighlighter();
  if (pending) {
    return pending.then(
      () => loaded as HighlightedModule,
      (): HighlightedModule => ({ default: PlainCode }),
    );
  }
  const module = loaded as HighlightedModule;
  // Settles synchronously, which React.lazy reads without suspending.
  return {
    then: (resolve: (value: HighlightedModule) => void) => resolve(module),
  } as Promise<HighlightedModule>;
});

/** A block's code as plain text. */
function PlainCode({ children }: Props) {
  return createElement('pre', null, createElement('code', null, children));
}

/**
 * Keeps mermaid's libraries out of the chunk every page loads.
 *
 * Docusaurus puts any module that at least half as many chunks as there are
 * pages share into one `common` chunk, and every doc page loads that chunk.
 * mermaid loads each diagram type as its own chunk, and those chunks share
 * its parser, d3, KaTeX and more: enough of them to pass that bar. So every
 * page downloaded and parsed about 770 KB of mermaid code that only a page
 * with a browser-drawn diagram runs. This plugin gives the modules of
 * mermaid's dependency tree a cache group of their own, above `common`, for
 * the chunks loaded on demand: they are shared among mermaid's chunks only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

function packageDir(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The names of `root` and every package it depends on, transitively. */
export function dependencyTree(root: string, from: string): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string, parent: string): void => {
    const dir = packageDir(name, parent);
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    names.add(name);
    const manifest = JSON.parse(
      readFileSync(join(dir, 'package.json'), 'utf8'),
    ) as { dependencies?: Record<string, string> };
    for (const dependency of Object.keys(manifest.dependencies ?? {}))
      visit(dependency, dir);
  };
  visit(root, from);
  return names;
}

/** Matches a module file inside any of the named packages. */
export function packagesPattern(names: Iterable<string>): RegExp {
  const escaped = [...names]
    .sort()
    .map((name) =>
      name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('/', '[\\\\/]'),
    );
  return new RegExp(`[\\\\/]node_modules[\\\\/](${escaped.join('|')})[\\\\/]`);
}

export default function mermaidChunks(
  // knip loads the config and calls its plugins with no context.
  context: Pick<LoadContext, 'siteDir'> = { siteDir: process.cwd() },
): Plugin {
  // Resolved from the site, not the shell's directory: `docusaurus build
  // path/to/site` may run from anywhere.
  const test = packagesPattern(dependencyTree('mermaid', context.siteDir));
  return {
    name: 'mermaid-chunks',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              mermaid: {
                test,
                chunks: 'async',
                minChunks: 2,
                // Above Docusaurus's `common` (40), below its `styles` (50).
                priority: 45,
                reuseExistingChunk: true,
              },
            },
          },
        },
      };
    },
  };
}

import { describe, expect, it } from 'vitest';
import mermaidChunks, {
  dependencyTree,
  packagesPattern,
} from '../../../src/plugins/mermaid-chunks';

describe('dependencyTree', () => {
  const tree = dependencyTree('mermaid', process.cwd());

  it('holds mermaid and what it pulls in, transitively', () => {
    expect(tree.has('mermaid')).toBe(true);
    // Direct dependencies.
    expect(tree.has('@mermaid-js/parser')).toBe(true);
    expect(tree.has('d3')).toBe(true);
    // A dependency of a dependency (d3 -> d3-scale -> d3-array).
    expect(tree.has('d3-array')).toBe(true);
  });

  it('leaves out what the site uses and mermaid does not', () => {
    for (const name of ['react', 'jose', 'msw', '@docusaurus/core'])
      expect(tree.has(name)).toBe(false);
  });

  it('is empty for a package that is not installed', () => {
    expect(dependencyTree('no-such-package-here', process.cwd()).size).toBe(0);
  });
});

describe('packagesPattern', () => {
  const pattern = packagesPattern(['d3-scale', '@mermaid-js/parser']);

  it('matches files inside the named packages, nested or not', () => {
    expect(pattern.test('/site/node_modules/d3-scale/src/linear.js')).toBe(
      true,
    );
    expect(
      pattern.test('/site/node_modules/mermaid/node_modules/d3-scale/x.js'),
    ).toBe(true);
    expect(
      pattern.test('/site/node_modules/@mermaid-js/parser/dist/index.mjs'),
    ).toBe(true);
    expect(pattern.test('C:\\site\\node_modules\\d3-scale\\index.js')).toBe(
      true,
    );
  });

  it('does not match a package whose name only starts the same', () => {
    expect(
      pattern.test('/site/node_modules/d3-scale-chromatic/src/index.js'),
    ).toBe(false);
    expect(pattern.test('/site/src/d3-scale/index.js')).toBe(false);
  });
});

describe('the plugin', () => {
  it('adds a cache group above common for the client only', () => {
    const plugin = mermaidChunks({ siteDir: process.cwd() });
    if (!plugin.configureWebpack) throw new Error('no configureWebpack');
    const configure = plugin.configureWebpack.bind(plugin) as (
      config: object,
      isServer: boolean,
    ) => {
      optimization?: {
        splitChunks?: {
          cacheGroups?: Record<
            string,
            { test: RegExp; chunks: string; priority: number }
          >;
        };
      };
    };
    expect(configure({}, true)).toEqual({});
    const group = configure({}, false).optimization?.splitChunks?.cacheGroups
      ?.mermaid;
    expect(group?.chunks).toBe('async');
    expect(group?.priority).toBeGreaterThan(40);
    expect(group?.test.test('/x/node_modules/@mermaid-js/parser/a.js')).toBe(
      true,
    );
    expect(group?.test.test('/x/node_modules/react/index.js')).toBe(false);
  });
});

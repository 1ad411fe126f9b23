import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import prismOnDemand from '../../../src/plugins/prism-on-demand';

type Alias = Record<string, string | false>;

function aliases(isServer: boolean, siteDir = process.cwd()): Alias {
  const plugin = prismOnDemand({ siteDir });
  if (!plugin.configureWebpack) throw new Error('no configureWebpack');
  const configure = plugin.configureWebpack.bind(plugin) as (
    config: object,
    isServer: boolean,
  ) => { resolve: { alias: Alias } };
  return configure({}, isServer).resolve.alias;
}

const codeBlock = join(process.cwd(), 'src', 'theme', 'CodeBlock');

describe('prism-on-demand', () => {
  it("empties the theme's start-up module that loads Prism, in both builds", () => {
    for (const isServer of [false, true]) {
      const [startup, ...rest] = Object.entries(aliases(isServer));
      expect(startup?.[0]).toMatch(
        /theme-classic[\\/]lib[\\/]prism-include-languages\.js$/,
      );
      expect(existsSync(startup?.[0] ?? '')).toBe(true);
      expect(startup?.[1]).toBe(false);
      expect(rest.length).toBe(isServer ? 1 : 0);
    }
  });

  it('gives the server the highlighter with nothing to load', () => {
    const server = aliases(true)[join(codeBlock, 'highlighter')];
    expect(server).toBe(join(codeBlock, 'highlighter.server'));
    // Both modules exist where the alias says.
    expect(existsSync(`${join(codeBlock, 'highlighter')}.ts`)).toBe(true);
    expect(existsSync(`${server as string}.ts`)).toBe(true);
  });

  it('fails the build when the theme has no such module', () => {
    expect(() => aliases(false, '/nonexistent-site')).toThrow(
      /prism-include-languages/,
    );
  });
});

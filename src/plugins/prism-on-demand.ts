/**
 * Keeps Prism, the syntax highlighter, out of the code every page runs at
 * start.
 *
 * Docusaurus's classic theme registers a client module that imports Prism and
 * adds the site's extra languages (`prism.additionalLanguages`) on every page
 * load, whether or not the page has a code block, and its code block imports
 * Prism too. Together they were about a fifth of the main bundle, and their
 * evaluation a fifth of its start-up time (bench/RESULTS.md). This plugin
 * resolves that client module to an empty one; the site's code block wrapper
 * (src/theme/CodeBlock) loads Prism, the languages and the theme's code block
 * as one chunk when a block first renders for real in the browser. The
 * server's build takes that chunk's module directly.
 *
 * Until then a block shows the server's HTML, built in the light theme. The
 * plugin adds to every page the small style sheet that shows that HTML in the
 * dark theme (src/utils/prism-dark.ts), so that dark mode needs no Prism
 * either.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { ThemeConfig } from '@docusaurus/theme-common';
import { darkCodeBlockCss } from '../utils/prism-dark';

/** The classic theme's client module that loads Prism on every page. */
const PRISM_STARTUP_MODULE =
  '@docusaurus/theme-classic/lib/prism-include-languages.js';

export default function prismOnDemand(
  // knip loads the config and calls its plugins with no context.
  context: Pick<LoadContext, 'siteDir'> & {
    siteConfig?: { themeConfig?: object };
  } = { siteDir: process.cwd() },
): Plugin {
  // Throws at build time if a new version of the theme moves the module, so
  // an upgrade cannot quietly bring Prism back to every page.
  const startup = createRequire(join(context.siteDir, 'package.json')).resolve(
    PRISM_STARTUP_MODULE,
  );
  const codeBlock = join(context.siteDir, 'src', 'theme', 'CodeBlock');
  const prism = (
    context.siteConfig?.themeConfig as Partial<ThemeConfig> | undefined
  )?.prism;
  // Built once, at start: a theme this cannot carry fails the build here.
  const darkCss = prism?.darkTheme
    ? darkCodeBlockCss(prism.darkTheme, prism.theme)
    : null;
  return {
    name: 'prism-on-demand',
    injectHtmlTags() {
      if (!darkCss) return {};
      return {
        headTags: [
          {
            tagName: 'style',
            attributes: { 'data-code-dark': '' },
            innerHTML: darkCss,
          },
        ],
      };
    },
    configureWebpack(_config, isServer) {
      const alias: Record<string, string | false> = { [startup]: false };
      // The server renders every block into the HTML: it takes the
      // highlighted block directly, with nothing to wait for.
      if (isServer) {
        alias[join(codeBlock, 'highlighter')] = join(
          codeBlock,
          'highlighter.server',
        );
      }
      return { resolve: { alias } };
    },
  };
}

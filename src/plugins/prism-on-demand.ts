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
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';

/** The classic theme's client module that loads Prism on every page. */
const PRISM_STARTUP_MODULE =
  '@docusaurus/theme-classic/lib/prism-include-languages.js';

export default function prismOnDemand(
  // knip loads the config and calls its plugins with no context.
  context: Pick<LoadContext, 'siteDir'> = { siteDir: process.cwd() },
): Plugin {
  // Throws at build time if a new version of the theme moves the module, so
  // an upgrade cannot quietly bring Prism back to every page.
  const startup = createRequire(join(context.siteDir, 'package.json')).resolve(
    PRISM_STARTUP_MODULE,
  );
  const codeBlock = join(context.siteDir, 'src', 'theme', 'CodeBlock');
  return {
    name: 'prism-on-demand',
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

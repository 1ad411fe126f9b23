import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import { themes as prismThemes } from 'prism-react-renderer';
import { withContrast } from './src/utils/contrast';
import staticProse from './src/mdx/static-prose';
import mermaidChunks from './src/plugins/mermaid-chunks';
import prismOnDemand from './src/plugins/prism-on-demand';

/**
 * The site can be deployed under a sub-path: set BASE_URL (for example
 * `/toolhive-auth/`) at build time. It must start and end with a slash.
 */
function resolveBaseUrl(raw: string | undefined): string {
  const value = raw && raw.trim() !== '' ? raw.trim() : '/';
  if (!value.startsWith('/') || !value.endsWith('/')) {
    throw new Error(
      `BASE_URL must start and end with "/" (got ${JSON.stringify(value)}).`,
    );
  }
  return value;
}

const baseUrl = resolveBaseUrl(process.env.BASE_URL);

const config: Config = {
  title: 'ToolHive auth, explained',
  tagline:
    'How an MCP server is protected with OAuth, with a live simulator of every step',
  favicon: 'img/favicon.svg',
  url: process.env.SITE_URL ?? 'http://127.0.0.1',
  baseUrl,
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  future: {
    v4: true,
    faster: true,
  },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  markdown: {
    mermaid: true,
    // Explicit heading ids (`## Title {#id}`) keep inbound anchors stable.
    mdx1Compat: { headingIds: true, comments: true, admonitions: true },
    hooks: { onBrokenMarkdownLinks: 'throw' },
    // The doc pages cite their sources as footnotes, listed under "Sources".
    remarkRehypeOptions: { footnoteLabel: 'Sources' },
  },
  themes: ['@docusaurus/theme-mermaid'],
  // mermaid's libraries load with its diagrams, and Prism with the first code
  // block that needs it, not with every page.
  plugins: [mermaidChunks, prismOnDemand],
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          // Prose runs keep their server HTML instead of hydrating.
          rehypePlugins: [staticProse],
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'ToolHive auth',
      logo: {
        alt: 'ToolHive auth explained: home',
        src: 'img/logo.svg',
        width: 32,
        height: 32,
      },
      items: [
        {
          type: 'doc',
          docId: 'concepts/auth-framework',
          position: 'left',
          label: 'Concept page',
        },
        { to: '/simulator', label: 'Simulator', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      copyright:
        'An independent rewrite of ToolHive\u2019s authentication and authorization concept page. Simulated hosts use reserved example.com names.',
    },
    prism: {
      // Token colours adjusted to WCAG AA (4.5:1) on the code background.
      theme: withContrast(prismThemes.github),
      darkTheme: withContrast(prismThemes.dracula),
      additionalLanguages: ['bash', 'json', 'http'],
    },
    mermaid: {
      theme: { light: 'neutral', dark: 'dark' },
    },
  } satisfies Preset.ThemeConfig,
};

export default config;

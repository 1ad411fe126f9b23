import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import fc from 'fast-check';
import { Highlight, themes, type PrismTheme } from 'prism-react-renderer';
import { describe, expect, it } from 'vitest';
import config from '../../docusaurus.config';
import prismOnDemand from '../../src/plugins/prism-on-demand';
import {
  darkCodeBlockCss,
  darkTokenVariables,
  themeDictionary,
  tokenStyle,
} from '../../src/utils/prism-dark';

type TokenProps = (input: {
  token: { types: string[]; content: string; empty?: boolean };
}) => {
  style?: Record<string, unknown>;
};

/** prism-react-renderer's own `getTokenProps` for a theme and language. */
function libraryTokenProps(theme: PrismTheme, language: string): TokenProps {
  let captured: TokenProps | undefined;
  renderToStaticMarkup(
    createElement(Highlight, {
      theme,
      code: '',
      language,
      children: ({ getTokenProps }) => {
        captured = getTokenProps as TokenProps;
        return null;
      },
    }),
  );
  if (!captured) throw new Error('Highlight did not render');
  return captured;
}

const { prism } = config.themeConfig as {
  prism: { theme: PrismTheme; darkTheme: PrismTheme };
};
const dark = prism.darkTheme;

// A theme whose entries overlap and depend on the language, so that the
// order in which styles merge shows.
const overlapping: PrismTheme = {
  plain: { color: '#111111', backgroundColor: '#eeeeee' },
  styles: [
    { types: ['keyword', 'builtin'], style: { color: '#aa0000' } },
    { types: ['keyword'], style: { fontStyle: 'italic' } },
    { types: ['string'], style: { color: '#00aa00', opacity: 0.7 } },
    { types: ['builtin'], style: { color: '#0000aa' }, languages: ['json'] },
    { types: ['plain'], style: { fontWeight: 'bold' } },
  ],
};

describe('dark code styles for server-rendered blocks', () => {
  for (const [name, theme] of [
    ['the configured dark theme', dark],
    ['an overlapping theme', overlapping],
  ] as const) {
    it(`give every token the style prism-react-renderer gives it (${name})`, () => {
      const types = [
        ...new Set([...theme.styles.flatMap((s) => s.types), 'plain', 'other']),
      ];
      fc.assert(
        fc.property(
          fc.constantFrom('json', 'http', 'bash'),
          fc.array(fc.constantFrom(...types), { minLength: 1, maxLength: 4 }),
          fc.boolean(),
          (language, tokenTypes, empty) => {
            const props = libraryTokenProps(
              theme,
              language,
            )({
              token: {
                types: tokenTypes,
                content: 'x',
                empty: empty || undefined,
              },
            });
            // The library adds `display` to empty tokens in every theme.
            const { display: _display, ...expected } = props.style ?? {};
            expect(
              tokenStyle(themeDictionary(theme, language), tokenTypes),
            ).toEqual(expected);
          },
        ),
        { numRuns: 300 },
      );
    });
  }

  it('carry a token style as CSS variables, rgb() written as hex', () => {
    const theme: PrismTheme = {
      plain: { color: '#fff', backgroundColor: '#000' },
      styles: [
        {
          types: ['keyword'],
          style: { color: 'rgb(255, 121, 198)', fontStyle: 'italic' },
        },
        {
          types: ['string'],
          style: { color: 'rgba(1, 2, 3, 0.5)', opacity: 0.7 },
        },
      ],
    };
    expect(darkTokenVariables(theme, 'json', { types: ['keyword'] })).toEqual({
      '--prism-dark-color': '#ff79c6',
      '--prism-dark-font-style': 'italic',
    });
    expect(darkTokenVariables(theme, 'json', { types: ['string'] })).toEqual({
      '--prism-dark-color': 'rgba(1, 2, 3, 0.5)',
      '--prism-dark-opacity': '0.7',
    });
    expect(darkTokenVariables(theme, 'json', { types: ['plain'] })).toEqual({});
  });

  it('build a style sheet scoped to dark mode from the theme', () => {
    const css = darkCodeBlockCss(dark);
    const { color, backgroundColor } = dark.plain;
    expect(css).toContain(
      `html[data-theme='dark'] .theme-code-block{--prism-color:${color}!important;--prism-background-color:${backgroundColor}!important}`,
    );
    for (const property of ['color', 'font-style', 'opacity']) {
      expect(css).toContain(
        `${property}:var(--prism-dark-${property})!important`,
      );
    }
    expect(
      css
        .split('\n')
        .every((rule) => rule.startsWith("html[data-theme='dark'] ")),
    ).toBe(true);
  });

  it('fail the build for a theme property they cannot carry', () => {
    const shadowed: PrismTheme = {
      ...themes.dracula,
      styles: [{ types: ['keyword'], style: { textShadow: '0 0 1px red' } }],
    };
    expect(() => darkCodeBlockCss(shadowed)).toThrow(
      /textShadow.*TOKEN_PROPERTIES/,
    );
    expect(() =>
      darkCodeBlockCss({ ...themes.dracula, plain: { color: '#fff' } }),
    ).toThrow(/plain color and background/);
    // The light theme is checked too: what it styles must be overridden.
    expect(() => darkCodeBlockCss(dark, shadowed)).toThrow(
      /light code theme styles "textShadow"/,
    );
    expect(() =>
      darkCodeBlockCss(dark, {
        ...themes.github,
        plain: { color: '#000', backgroundColor: '#fff', fontStyle: 'italic' },
      }),
    ).toThrow(/light code theme's plain style sets "fontStyle"/);
    expect(() => darkCodeBlockCss(dark, prism.theme)).not.toThrow();
  });

  it("reach every page's head through the plugin", () => {
    const plugin = prismOnDemand({
      siteDir: process.cwd(),
      siteConfig: config,
    });
    const tags = plugin.injectHtmlTags?.({ content: undefined });
    expect(tags).toEqual({
      headTags: [
        {
          tagName: 'style',
          attributes: { 'data-code-dark': '' },
          innerHTML: darkCodeBlockCss(dark, prism.theme),
        },
      ],
    });
    expect(
      prismOnDemand({ siteDir: process.cwd() }).injectHtmlTags?.({
        content: undefined,
      }),
    ).toEqual({});
  });
});

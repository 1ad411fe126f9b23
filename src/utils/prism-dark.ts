/**
 * Dark code colors for code blocks that still show the server's HTML.
 *
 * The build renders code in the default (light) theme, as inline styles on
 * every token. A code block stays that HTML until the reader uses it
 * (src/components/HydrateOnUse), so in dark mode the page would show light
 * colors, or have to load Prism at start only to recolor blocks nobody has
 * touched. Instead each token also carries its dark style in CSS variables
 * (src/theme/CodeBlock/Line/Token.tsx), and one style sheet, generated from the
 * configured dark theme (src/plugins/prism-on-demand.ts), applies them while
 * `<html data-theme="dark">` is set. A token without a dark value for a
 * property gets `unset` there: inherited from its line, as prism-react-renderer
 * leaves it.
 */
import type { PrismTheme, Token } from 'prism-react-renderer';
import { parseColor, toHex } from './contrast';

type Style = PrismTheme['plain'];
type Dictionary = Record<string, Style>;

/** The token style properties carried into dark mode, with their CSS names. */
const TOKEN_PROPERTIES = {
  color: 'color',
  fontStyle: 'font-style',
  fontWeight: 'font-weight',
  opacity: 'opacity',
  textDecorationLine: 'text-decoration-line',
} as const;

type TokenProperty = keyof typeof TOKEN_PROPERTIES;

const variable = (property: TokenProperty) =>
  `--prism-dark-${TOKEN_PROPERTIES[property]}`;

const dictionaries = new WeakMap<PrismTheme, Map<string, Dictionary>>();

/**
 * A theme's style per token type for one language: prism-react-renderer's
 * `themeToDict`, which the package does not export (the unit test checks the
 * two agree on every token of the site's languages).
 */
export function themeDictionary(
  theme: PrismTheme,
  language: string,
): Dictionary {
  let byLanguage = dictionaries.get(theme);
  if (!byLanguage) dictionaries.set(theme, (byLanguage = new Map()));
  const cached = byLanguage.get(language);
  if (cached) return cached;
  const dictionary: Dictionary = {};
  for (const entry of theme.styles) {
    if (entry.languages && !entry.languages.includes(language)) continue;
    for (const type of entry.types) {
      dictionary[type] = { ...dictionary[type], ...entry.style };
    }
  }
  dictionary.plain = { ...theme.plain, backgroundColor: undefined };
  byLanguage.set(language, dictionary);
  return dictionary;
}

/**
 * The theme style prism-react-renderer gives a token (its `getTokenProps`),
 * less the `display` it adds to empty tokens in every theme alike.
 */
export function tokenStyle(
  dictionary: Dictionary,
  types: readonly string[],
): Style {
  if (types.length === 1 && types[0] === 'plain') return {};
  return Object.assign({}, ...types.map((type) => dictionary[type]));
}

/** `rgb(255, 121, 198)` as `#ff79c6`: it is written on every token. */
function compact(value: string): string {
  // parseColor reads rgba() too, dropping the alpha: only plain rgb() goes.
  if (!/^rgb\(/i.test(value.trim())) return value;
  const rgb = parseColor(value);
  return rgb ? toHex(rgb) : value;
}

/** A token's dark style as the CSS variables the dark style sheet reads. */
export function darkTokenVariables(
  theme: PrismTheme,
  language: string,
  token: Pick<Token, 'types'>,
): Record<string, string> {
  const style = tokenStyle(themeDictionary(theme, language), token.types);
  const variables: Record<string, string> = {};
  for (const property of Object.keys(TOKEN_PROPERTIES) as TokenProperty[]) {
    const value = style[property];
    if (value !== undefined && value !== null && value !== '') {
      variables[variable(property)] = compact(String(value));
    }
  }
  return variables;
}

/**
 * The style sheet that shows server-rendered code in the dark theme, over
 * HTML built in the light one. Throws when either theme styles something the
 * sheet does not override (a token property other than those carried, or a
 * plain style other than color and background), so a new theme cannot leave
 * part of one look showing through the other unnoticed.
 */
export function darkCodeBlockCss(
  theme: PrismTheme,
  light: PrismTheme = theme,
): string {
  for (const [name, checked] of [
    ['dark', theme],
    ['light', light],
  ] as const) {
    for (const entry of checked.styles) {
      for (const property of Object.keys(entry.style)) {
        if (!(property in TOKEN_PROPERTIES)) {
          throw new Error(
            `The ${name} code theme styles "${property}" (types ${entry.types.join(', ')}), which src/utils/prism-dark.ts does not carry into dark mode: add it to TOKEN_PROPERTIES.`,
          );
        }
      }
    }
    for (const property of Object.keys(checked.plain)) {
      if (property !== 'color' && property !== 'backgroundColor') {
        throw new Error(
          `The ${name} code theme's plain style sets "${property}", which src/utils/prism-dark.ts does not carry into dark mode.`,
        );
      }
    }
  }
  const { color, backgroundColor } = theme.plain;
  if (!color || !backgroundColor) {
    throw new Error('The dark code theme needs a plain color and background.');
  }
  const scope = "html[data-theme='dark'] .theme-code-block";
  const tokenRules = (Object.keys(TOKEN_PROPERTIES) as TokenProperty[])
    .map((p) => `${TOKEN_PROPERTIES[p]}:var(${variable(p)})!important`)
    .join(';');
  return [
    `${scope}{--prism-color:${color}!important;--prism-background-color:${backgroundColor}!important}`,
    `${scope} .prism-code{color:${color}!important;background-color:${backgroundColor}!important}`,
    `${scope} .token-line{color:${color}!important}`,
    `${scope} .token{${tokenRules}}`,
  ].join('\n');
}

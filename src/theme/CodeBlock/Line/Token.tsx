import type { CSSProperties, ReactNode } from 'react';
import type { Props } from '@theme/CodeBlock/Line/Token';
import Token from '@theme-original/CodeBlock/Line/Token';
import { useThemeConfig } from '@docusaurus/theme-common';
import { useCodeBlockContext } from '@docusaurus/theme-common/internal';
import { darkTokenVariables } from '@site/src/utils/prism-dark';

/**
 * The theme's token, with its dark style in CSS variables beside the style of
 * the mode it was rendered in, so that server-rendered code shows the dark
 * theme without Prism (src/utils/prism-dark.ts).
 */
export default function TokenWithDarkStyle(props: Props): ReactNode {
  const { prism } = useThemeConfig();
  const { metadata } = useCodeBlockContext();
  const dark = prism.darkTheme
    ? darkTokenVariables(prism.darkTheme, metadata.language, props.token)
    : {};
  const style: CSSProperties = { ...props.style, ...dark };
  return <Token {...props} style={style} />;
}

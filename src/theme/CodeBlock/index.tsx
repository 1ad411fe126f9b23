import type { ReactNode } from 'react';
import type CodeBlockType from '@theme/CodeBlock';
import type { WrapperProps } from '@docusaurus/types';
import HydrateOnUse from '@site/src/components/HydrateOnUse';
// By its site path, which the server's build resolves to highlighter.server.
import {
  HighlightedCodeBlock,
  loadHighlighter,
} from '@site/src/theme/CodeBlock/highlighter';

type Props = WrapperProps<typeof CodeBlockType>;

/**
 * Docusaurus's code block, hydrated only when the reader uses it (copy, wrap).
 * Dark mode does not need it: the server's HTML carries the dark colors too
 * (src/utils/prism-dark.ts). Tokenising every block of a long page while it
 * hydrates was most of the extra main-thread time of the concept page
 * (bench/RESULTS.md). Prism itself loads then too, so that a page's start-up
 * code does not carry it (src/plugins/prism-on-demand.ts): until it is
 * loaded, the server's HTML stays as it is.
 */
export default function CodeBlockWrapper(props: Props): ReactNode {
  return (
    <HydrateOnUse prepare={loadHighlighter}>
      <HighlightedCodeBlock {...props} />
    </HydrateOnUse>
  );
}

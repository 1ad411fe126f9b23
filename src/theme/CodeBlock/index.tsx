import type { ReactNode } from 'react';
import CodeBlock from '@theme-original/CodeBlock';
import type CodeBlockType from '@theme/CodeBlock';
import type { WrapperProps } from '@docusaurus/types';
import HydrateOnUse from '@site/src/components/HydrateOnUse';

type Props = WrapperProps<typeof CodeBlockType>;

/**
 * Docusaurus's code block, hydrated only when the reader uses it (copy, wrap)
 * or the color mode changes. Tokenising every block of a long page while it
 * hydrates was most of the extra main-thread time of the concept page
 * (bench/RESULTS.md).
 */
export default function CodeBlockWrapper(props: Props): ReactNode {
  return (
    <HydrateOnUse>
      <CodeBlock {...props} />
    </HydrateOnUse>
  );
}

import MDXComponents from '@theme-original/MDXComponents';
import StaticProse from '@site/src/components/StaticProse';

/** Docusaurus's MDX components, plus the wrapper of static prose runs that
 * the `staticProse` rehype plugin (src/mdx/static-prose.ts) inserts. */
export default {
  ...MDXComponents,
  StaticProse,
};

import { Prism } from 'prism-react-renderer';
import prismIncludeLanguages from '@theme/prism-include-languages';
import CodeBlock from '@theme-original/CodeBlock';

// What the classic theme's start-up module did on every page (see
// src/plugins/prism-on-demand.ts): add the site's extra languages to Prism,
// once, before the first block is tokenised. This module is its own chunk,
// loaded with the first code block that renders for real.
prismIncludeLanguages(Prism);

export default CodeBlock;

/**
 * A rehype plugin for the doc pages: wraps each run of plain prose at the top
 * of a page in `<StaticProse>` (src/components/StaticProse), which keeps the
 * server's HTML in the browser instead of hydrating it.
 *
 * A block joins a run only if nothing in it needs React in the browser: only
 * the elements in STATIC_TAGS (so no code block, whose copy and wrap buttons
 * hydrate on use, and no diagram drawn in the browser), only the components
 * in STATIC_COMPONENTS, and no JavaScript expression other than a comment.
 * Everything else stays where it was, between runs, and hydrates as before. Module code (`import`, `export`) stays at the top level, where
 * MDX needs it.
 */

/** The part of a hast/MDX node this plugin reads (structural, so that it
 * needs no types from MDX's internal packages). */
interface Node {
  type: string;
  tagName?: string;
  name?: string | null;
  attributes?: unknown[];
  children?: Node[];
  data?: { estree?: { body?: unknown[] } | null };
}

/**
 * Elements whose markup needs nothing from the browser: plain HTML, and
 * Docusaurus's admonitions. Not here, so never static: `pre` (a code block
 * with buttons), `details` (opens with React), `mermaid` (drawn in the
 * browser), and any element this list does not know.
 */
const STATIC_TAGS = new Set(
  [
    'a abbr b blockquote br caption cite code col colgroup dd del div dl dt em',
    'figcaption figure h1 h2 h3 h4 h5 h6 hr i img input kbd li mark ol p q s',
    'samp section small span strong sub sup table tbody td tfoot th thead tr',
    'u ul var wbr admonition mdxAdmonitionTitle',
  ]
    .join(' ')
    .split(' '),
);

/** Components whose markup needs nothing from the browser. */
const STATIC_COMPONENTS = new Set(['FlowDiagram', 'Link']);

/** The element StaticProse is rendered for (see src/theme/MDXComponents). */
export const WRAPPER = 'StaticProse';

function isStatic(node: Node): boolean {
  switch (node.type) {
    case 'text':
    case 'comment':
      return true;
    case 'element':
      return (
        STATIC_TAGS.has(node.tagName ?? '') &&
        (node.children ?? []).every(isStatic)
      );
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return (
        node.name != null &&
        STATIC_COMPONENTS.has(node.name) &&
        (node.children ?? []).every(isStatic)
      );
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      // `{/* a comment */}` compiles to an empty program.
      return (node.data?.estree?.body ?? [null]).length === 0;
    default:
      return false;
  }
}

function isBlank(node: Node): boolean {
  return node.type === 'text' || node.type === 'comment';
}

function wrap(run: Node[]): Node {
  return {
    type: 'mdxJsxFlowElement',
    name: WRAPPER,
    attributes: [],
    children: run,
  };
}

/** Groups the root's children; a run of only whitespace is left alone. */
export function groupStaticRuns(children: Node[]): Node[] {
  const out: Node[] = [];
  let run: Node[] = [];
  const flush = () => {
    if (run.some((node) => !isBlank(node))) out.push(wrap(run));
    else out.push(...run);
    run = [];
  };
  for (const child of children) {
    if (isStatic(child)) {
      run.push(child);
    } else {
      flush();
      out.push(child);
    }
  }
  flush();
  return out;
}

export default function staticProse() {
  return (root: Node): void => {
    root.children = groupStaticRuns(root.children ?? []);
  };
}

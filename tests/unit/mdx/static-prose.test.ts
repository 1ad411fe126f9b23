import { describe, expect, it } from 'vitest';
import staticProse, {
  groupStaticRuns,
  WRAPPER,
} from '../../../src/mdx/static-prose';

type Node = Parameters<typeof groupStaticRuns>[0][number];

const text = (value: string): Node => ({ type: 'text', value }) as Node;
const el = (tagName: string, ...children: Node[]): Node => ({
  type: 'element',
  tagName,
  children,
});
const jsx = (name: string, ...children: Node[]): Node => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: [],
  children,
});
const expression = (body: unknown[]): Node => ({
  type: 'mdxTextExpression',
  data: { estree: { body } },
});
const esm: Node = { type: 'mdxjsEsm' };

/** The shape of a grouped tree: a run's children, or a node's name. */
function shape(nodes: Node[]): unknown[] {
  return nodes
    .filter((node) => node.type !== 'text')
    .map((node) =>
      node.name === WRAPPER
        ? { run: shape(node.children ?? []) }
        : (node.tagName ?? node.name ?? node.type),
    );
}

describe('staticProse', () => {
  it('wraps prose between interactive blocks, and leaves those alone', () => {
    const tree = [
      esm,
      text('\n'),
      el('p', text('Intro '), el('a', text('link'))),
      text('\n'),
      el('h2', text('Heading')),
      jsx('SimulatorEmbed'),
      el('p', el('code', text('aud'))),
      el('pre', el('code', text('GET /mcp'))),
      el('section', el('ol', el('li', text('a source')))),
    ];
    expect(shape(groupStaticRuns(tree))).toEqual([
      'mdxjsEsm',
      { run: ['p', 'h2'] },
      'SimulatorEmbed',
      { run: ['p'] },
      'pre',
      { run: ['section'] },
    ]);
  });

  it('keeps a block out of a run when anything inside it needs React', () => {
    const listWithCode = el('ul', el('li', el('pre', text('x'))));
    const admonitionWithTabs = el('admonition', jsx('Tabs'));
    const liveExpression = el(
      'p',
      expression([{ type: 'ExpressionStatement' }]),
    );
    const diagram = el('mermaid');
    const details = el('details', el('summary', text('More')));
    const unknown = el('x-widget');
    const tree = [
      listWithCode,
      admonitionWithTabs,
      liveExpression,
      diagram,
      details,
      unknown,
    ];
    expect(shape(groupStaticRuns(tree))).toEqual([
      'ul',
      'admonition',
      'p',
      'mermaid',
      'details',
      'x-widget',
    ]);
  });

  it('lets listed components, comments and admonitions join a run', () => {
    const tree = [
      el('h2', text('Title '), expression([])),
      jsx('FlowDiagram'),
      el('p', { ...jsx('Link', text('glossary')), type: 'mdxJsxTextElement' }),
      el('admonition', el('p', text('Note'))),
    ];
    expect(shape(groupStaticRuns(tree))).toEqual([
      { run: ['h2', 'FlowDiagram', 'p', 'admonition'] },
    ]);
  });

  it('wraps nothing when a page is only whitespace and interactive blocks', () => {
    const tree = [text('\n'), jsx('SimulatorEmbed'), text('\n')];
    expect(groupStaticRuns(tree)).toEqual(tree);
  });

  it('keeps every node, in order, as a plugin on a root', () => {
    const children = [el('p', text('a')), jsx('X'), el('p', text('b')), esm];
    const root: Node = { type: 'root', children: [...children] };
    staticProse()(root);
    const flat = (root.children ?? []).flatMap((node) =>
      node.name === WRAPPER ? (node.children ?? []) : [node],
    );
    expect(flat).toEqual(children);
  });
});

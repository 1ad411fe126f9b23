import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Internal links between the doc pages and the anchors they point to, read
 * from the MDX sources (the build's `onBrokenAnchors: 'throw'` checks the
 * same from the other side). Pure helpers, tested in doc-links.test.ts.
 */

/** GitHub-style slug, as Docusaurus makes heading ids without an explicit one. */
export function slugify(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a page defines: heading ids, and `id` attributes in JSX. */
export function anchorsOf(source: string): Set<string> {
  const anchors = new Set<string>();
  const code = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm;
  const text = source.replace(code, '');
  for (const line of text.split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      const title = heading[1] ?? '';
      const explicit = /\{\/\*\s*#([\w-]+)\s*\*\/\}|\{#([\w-]+)\}/.exec(title);
      anchors.add(
        explicit
          ? (explicit[1] ?? explicit[2] ?? '')
          : slugify(title.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')),
      );
    }
  }
  for (const m of text.matchAll(/\bid="([\w-]+)"/g)) anchors.add(m[1] ?? '');
  return anchors;
}

export interface InternalLink {
  target: string;
  anchor: string;
  line: number;
}

/** Markdown links to other .md(x) files or to `#anchor` on the same page. */
export function internalLinks(source: string): InternalLink[] {
  const code = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm;
  const text = source.replace(code, (m) => m.replace(/[^\n]/g, ' '));
  const links: InternalLink[] = [];
  for (const m of text.matchAll(
    /\]\(((?:\.{1,2}\/)[^)\s#]+\.mdx?)?(#[^)\s]*)?\)/g,
  )) {
    if (!m[1] && !m[2]) continue;
    const line = text.slice(0, m.index).split('\n').length;
    links.push({ target: m[1] ?? '', anchor: (m[2] ?? '').slice(1), line });
  }
  return links;
}

/** Problems with the internal links of one file; empty when all resolve. */
export function brokenInternalLinks(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const problems: string[] = [];
  for (const link of internalLinks(source)) {
    const target = link.target ? resolve(dirname(file), link.target) : file;
    const where = `${file}:${link.line}`;
    if (!existsSync(target)) {
      problems.push(`${where}: no file ${link.target}`);
      continue;
    }
    if (
      link.anchor &&
      !anchorsOf(readFileSync(target, 'utf8')).has(link.anchor)
    ) {
      problems.push(
        `${where}: no #${link.anchor} in ${link.target || 'this page'}`,
      );
    }
  }
  return problems;
}

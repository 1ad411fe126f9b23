import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface DocPage {
  /** Source file, relative to the repository root. */
  file: string;
  /** URL path relative to the site's base URL (no leading slash). */
  url: string;
}

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return mdxFiles(full);
      return /\.mdx?$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/**
 * Every page in docs/ with its URL: the front matter's `slug` when it has
 * one, otherwise the file's path without the extension (docs are served at
 * the site root, `routeBasePath: '/'`).
 */
export function docPages(dir = 'docs'): DocPage[] {
  return mdxFiles(dir).map((file) => {
    const source = readFileSync(file, 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
    const slug = /^slug:\s*(\S+)\s*$/m.exec(front)?.[1];
    const url = slug
      ? slug.replace(/^\//, '')
      : path
          .relative(dir, file)
          .replace(/\.mdx?$/, '')
          .split(path.sep)
          .join('/');
    return { file, url };
  });
}

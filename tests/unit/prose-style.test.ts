import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Prose files: the doc pages and the simulator's teaching text. */
function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full, ext);
    return ext.test(entry.name) ? [full] : [];
  });
}

const PROSE = [
  ...files('docs', /\.mdx?$/),
  ...files('src/simulator/content', /\.ts$/),
];

/** Problems with a heading line: it must be in sentence case. */
export function headingProblems(line: string): string[] {
  const text = line
    .replace(/^#+\s+/, '')
    .replace(/\{\/\*.*?\*\/\}|\{#[^}]+\}/g, '')
    .trim();
  const words = text.split(/\s+/).slice(1);
  // A capitalised later word is fine when it is a name or an acronym.
  const allowed =
    /^(ToolHive|MCP|OAuth|JWT|JWKS|PKCE|RFC|Cedar|Kubernetes|AWS|STS|HTTP|JSON|PRM|CIMD|DCR|OIDC|OpenID|Connect|Code|Exchange|Key|Proof|Protected|I|AS|API|SDK|CLI|URL|Virtual|Server)\b/;
  return words
    .filter((w) => /^[A-Z][a-z]/.test(w) && !allowed.test(w) && !/^`/.test(w))
    .map((w) => `"${w}" in heading "${text}"`);
}

describe('prose style', () => {
  it('has no em dashes', () => {
    const hits = PROSE.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          line.includes('\u2014') ? [`${file}:${i + 1}`] : [],
        ),
    );
    expect(hits).toEqual([]);
  });

  it('does not open with "This document explains"', () => {
    for (const file of PROSE)
      expect(readFileSync(file, 'utf8'), file).not.toMatch(
        /This (document|page) explains/,
      );
  });

  it('uses sentence-case headings on the doc pages', () => {
    const problems = files('docs', /\.mdx?$/).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /^#{1,6}\s/.test(line))
        .flatMap((line) => headingProblems(line).map((p) => `${file}: ${p}`)),
    );
    expect(problems).toEqual([]);
  });

  it('the heading check catches title case', () => {
    expect(headingProblems('## Token Validation Order')).toHaveLength(2);
    expect(
      headingProblems('## Proof Key for Code Exchange (PKCE) {/* #pkce */}'),
    ).toEqual([]);
  });
});

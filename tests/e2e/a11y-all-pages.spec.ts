import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test, expect, gotoInMode, axeViolations } from './support/fixtures';

/**
 * axe (WCAG 2.0/2.1 A and AA) once on every page of the built site, as a
 * reader first sees it, in light and dark mode. The page list comes from the
 * build's own sitemap, so a new page is checked without editing this file.
 * Each page is scanned once its mermaid diagrams have rendered.
 *
 * The simulator's states (its page once loaded, and the embed after each
 * step) are scanned by simulator-a11y.spec.ts, so /simulator is skipped here.
 */
const SCANNED_ELSEWHERE = new Set(['simulator']);

/** Mermaid diagrams each doc page renders in the browser, by route, from docs/. */
function mermaidDiagrams(): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.mdx?$/.test(entry.name)) {
        const source = readFileSync(full, 'utf8');
        const slug = /^---\n[\s\S]*?^slug:\s*(\S+)\s*$[\s\S]*?^---$/m.exec(
          source,
        )?.[1];
        const route =
          slug ?? `/${path.relative('docs', full).replace(/\.mdx?$/, '')}`;
        counts.set(
          route.replace(/^\//, ''),
          source.match(/^```mermaid\b/gm)?.length ?? 0,
        );
      }
    }
  };
  walk('docs');
  return counts;
}

test.describe('accessibility of every page', () => {
  for (const mode of ['light', 'dark'] as const) {
    test(`axe finds nothing on any page in the sitemap in ${mode} mode`, async ({
      page,
      request,
    }) => {
      test.setTimeout(180_000);
      const sitemap = await (await request.get('sitemap.xml')).text();
      // This spec runs against the build at `/`, so sitemap paths are relative
      // to the site root.
      const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
        .map((m) => new URL(m[1] ?? '').pathname.replace(/^\//, ''))
        .filter((p) => !SCANNED_ELSEWHERE.has(p));
      expect(paths.length).toBeGreaterThanOrEqual(5);
      const diagrams = mermaidDiagrams();
      expect(diagrams.get('intro')).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const path of paths) {
        await gotoInMode(page, path === '' ? './' : path, mode);
        await expect(
          page.locator('.docusaurus-mermaid-container svg'),
        ).toHaveCount(diagrams.get(path) ?? 0, { timeout: 30_000 });
        for (const violation of await axeViolations(page))
          failures.push(`${mode} /${path}: ${violation}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

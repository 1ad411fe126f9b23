import type { Page } from '@playwright/test';

/** What a doc page's article holds, measured from its rendered HTML. */
export interface ProseMetrics {
  words: number;
  h2: number;
  /** h2 to h6, the headings that make up the page's table of contents. */
  headings: number;
  /** h1 to h6. */
  headingsWithTitle: number;
  headingIds: string[];
}

/**
 * Counts prose words and headings in the page's article (`.theme-doc-markdown`).
 * Counted: all text, including tables, headings and collapsed `<details>`.
 * Left out: code blocks, footnotes (the list and the reference marks), the
 * simulator embed, and heading anchor links. A word is a run of non-space
 * characters with at least one letter or digit.
 */
export async function proseMetrics(page: Page): Promise<ProseMetrics> {
  return page.locator('.theme-doc-markdown').evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    const drop = [
      'pre',
      '.theme-code-block',
      'section[data-footnotes]',
      '.footnotes',
      'sup:has(> a[data-footnote-ref])',
      'a[data-footnote-ref]',
      '[data-simulator-embed]',
      '.hash-link',
    ];
    for (const selector of drop) {
      copy.querySelectorAll(selector).forEach((node) => node.remove());
    }
    // textContent includes closed <details> content, unlike innerText. Block
    // boundaries become spaces so adjacent cells and items do not merge.
    copy
      .querySelectorAll(
        'p, li, td, th, h1, h2, h3, h4, h5, h6, div, br, summary, dt, dd, figcaption, blockquote, section, header, figure, title, desc, text, tspan',
      )
      .forEach((node) => node.append(' '));
    const words = (copy.textContent ?? '')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    const headings = [
      ...copy.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6'),
    ];
    const toc = headings.filter((h) => h.tagName !== 'H1');
    return {
      words,
      h2: headings.filter((h) => h.tagName === 'H2').length,
      headings: toc.length,
      headingsWithTitle: headings.length,
      headingIds: toc.map((h) => h.id),
    };
  });
}

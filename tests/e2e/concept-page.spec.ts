import { test, expect, type Page } from '@playwright/test';
import { proseMetrics } from './support/prose-metrics';

/** Relative, so the test also works when the site is built under a sub-path. */
const PAGE = 'concepts/auth-framework';

/** Issue 10's limits for the concept page, measured on the built HTML. */
const LIMITS = { words: 2_500, h2: 8, headings: 15 };

type Heading = { level: 2 | 3; id: string; text: string };

/**
 * The three pages and every heading each must have (id, level and visible
 * text), in order. The ids are the anchors other pages and the simulator
 * link to; `#embedded-authorization-server` is linked from outside this site.
 */
const PAGES: Array<{ url: string; title: string; headings: Heading[] }> = [
  {
    url: PAGE,
    title: 'Authentication and authorization',
    headings: [
      {
        level: 2,
        id: 'why-toolhive-handles-authentication',
        text: 'Why ToolHive handles authentication',
      },
      { level: 3, id: 'terminology', text: 'Terminology' },
      { level: 2, id: 'authentication-flow', text: 'How it works' },
      { level: 3, id: 'try-it', text: 'Try it' },
      { level: 2, id: 'getting-a-token', text: 'Getting a token' },
      { level: 3, id: 'pkce', text: 'Registration and PKCE' },
      { level: 3, id: 'audience-binding', text: 'Audience binding' },
      { level: 2, id: 'token-validation', text: 'Validating a token' },
      { level: 3, id: 'identity-providers', text: 'Where tokens come from' },
      {
        level: 3,
        id: 'embedded-authorization-server',
        text: 'Embedded authorization server',
      },
      { level: 2, id: 'authorization-flow', text: 'Authorization with Cedar' },
      {
        level: 2,
        id: 'token-passthrough',
        text: 'What reaches your MCP server',
      },
      {
        level: 2,
        id: 'spec-differences',
        text: 'Where ToolHive differs from the MCP specification',
      },
      { level: 2, id: 'related-information', text: 'Related information' },
    ],
  },
  {
    url: 'reference/authorization',
    title: 'Authorization reference',
    headings: [
      {
        level: 2,
        id: 'no-authentication',
        text: 'When no authentication is configured',
      },
      { level: 2, id: 'the-401-challenge', text: 'The 401 challenge' },
      {
        level: 2,
        id: 'protected-resource-metadata',
        text: 'Protected resource metadata',
      },
      {
        level: 2,
        id: 'authorization-server-metadata',
        text: 'Authorization server metadata',
      },
      { level: 2, id: 'client-registration', text: 'Client registration' },
      { level: 2, id: 'pkce', text: 'PKCE' },
      { level: 2, id: 'audience-binding', text: 'Audience binding' },
      { level: 2, id: 'token-validation', text: 'Token validation' },
      { level: 3, id: 'jwks', text: 'Signing keys and JWKS' },
      {
        level: 3,
        id: 'introspection',
        text: 'Opaque tokens and introspection',
      },
      { level: 2, id: 'identity-providers', text: 'Identity providers' },
      {
        level: 2,
        id: 'embedded-authorization-server',
        text: 'Embedded authorization server',
      },
      {
        level: 3,
        id: 'upstream-login',
        text: 'User sign-in through an upstream identity provider',
      },
      {
        level: 3,
        id: 'token-exchange-grant',
        text: 'Token exchange for delegate clients',
      },
      { level: 2, id: '401-and-403', text: '401 and 403 responses' },
      { level: 2, id: 'cedar', text: 'Cedar' },
      { level: 3, id: 'cedar-entity-model', text: 'Entity model' },
      {
        level: 3,
        id: 'list-filtering',
        text: 'List filtering and always-allowed methods',
      },
      { level: 3, id: 'simulator-policy', text: "The simulator's policy" },
      { level: 2, id: 'related-information', text: 'Related information' },
    ],
  },
  {
    url: 'concepts/backend-auth',
    title: 'Backend authentication',
    headings: [
      {
        level: 2,
        id: 'why-not-passthrough',
        text: "Why the client's token should stop at ToolHive",
      },
      { level: 2, id: 'default-behavior', text: 'Default behavior' },
      { level: 2, id: 'modes', text: 'What each mode sends' },
      {
        level: 2,
        id: 'embedded-authorization-server',
        text: 'Embedded authorization server',
      },
      { level: 2, id: 'token-exchange', text: 'Token exchange' },
      { level: 2, id: 'other-modes', text: 'Remote servers and other modes' },
      { level: 2, id: 'virtual-mcp-server', text: 'Virtual MCP Server' },
      { level: 2, id: 'choosing-a-mode', text: 'Choosing a mode' },
      { level: 2, id: 'related-information', text: 'Related information' },
    ],
  },
];

/** External link targets the page may use. */
const ALLOWED_LINK = [
  /^https:\/\/modelcontextprotocol\.io\/specification\/2025-11-25\//,
  /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+/,
  /^https:\/\/github\.com\/stacklok\/toolhive\/blob\/[0-9a-f]{40}\//,
  /^https:\/\/docs\.stacklok\.com\//,
];
/** Allowed only inside the "What changes in the 2026-07-28 ..." admonition. */
const NEXT_REVISION_LINK =
  /^https:\/\/modelcontextprotocol\.io\/specification\/2026-07-28\//;
const WHAT_CHANGES_TITLE = 'What changes in the 2026-07-28 spec revision';

const DIAGRAM_TIMEOUT = 30_000;
/**
 * Mermaid fences render into `.docusaurus-mermaid-container`; the build-time
 * FlowDiagram component that will replace them renders into
 * `[data-flow-diagram]`. Either counts.
 */
const DIAGRAM_SVG =
  '.docusaurus-mermaid-container svg, figure[data-flow-diagram] svg';

async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute(
    'data-has-hydrated',
    'true',
  );
}

/** Both mermaid diagrams, rendered; returns name and text of each SVG. */
async function renderedDiagrams(
  page: Page,
): Promise<Array<{ name: string; description: string; text: string }>> {
  const svgs = page.locator(DIAGRAM_SVG);
  await expect(svgs.first()).toBeVisible({ timeout: DIAGRAM_TIMEOUT });
  await expect(svgs).toHaveCount(2, { timeout: DIAGRAM_TIMEOUT });
  await expect(svgs.nth(1)).toBeVisible({ timeout: DIAGRAM_TIMEOUT });
  return svgs.evaluateAll((nodes) =>
    nodes.map((svg) => {
      const byIds = (attr: string) =>
        (svg.getAttribute(attr) ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => svg.ownerDocument.getElementById(id)?.textContent ?? '')
          .join(' ')
          .trim();
      return {
        name: byIds('aria-labelledby'),
        description: byIds('aria-describedby'),
        text: svg.textContent ?? '',
      };
    }),
  );
}

test.describe('concept page: authentication and authorization', () => {
  test('keeps the #embedded-authorization-server anchor', async ({ page }) => {
    await page.goto(`${PAGE}#embedded-authorization-server`);
    await waitForHydration(page);
    await expect(page.locator('#embedded-authorization-server')).toBeVisible();
  });

  test('renders both diagrams as accessible SVG with no overlap', async ({
    page,
  }) => {
    await page.goto(PAGE);
    await waitForHydration(page);
    const diagrams = await renderedDiagrams(page);

    const authn = diagrams.find((d) => /authentication flow/i.test(d.name));
    const authz = diagrams.find((d) => /authorization flow/i.test(d.name));
    if (!authn || !authz) {
      throw new Error(
        `expected an authentication and an authorization diagram with accessible names, got ${JSON.stringify(diagrams.map((d) => d.name))}`,
      );
    }
    for (const d of [authn, authz]) {
      expect(d.description.length).toBeGreaterThan(20);
    }

    // The authentication diagram shows the OAuth flow and never the policy.
    expect(authn.text).toContain('401');
    expect(authn.text).toMatch(/resource_metadata/);
    expect(authn.text).toMatch(/code_challenge/);
    expect(authn.text).not.toMatch(/cedar/i);

    // The authorization diagram shows the policy and never discovery.
    expect(authz.text).toMatch(/cedar/i);
    expect(authz.text).toContain('403');
    expect(authz.text).toContain('tools/list');
    expect(authz.text).not.toMatch(/metadata|\bPRM\b|well-known/i);

    // Each diagram's SVG is exposed with its accessible name.
    const svgs = page.locator(DIAGRAM_SVG);
    await expect(svgs.nth(0)).toHaveAccessibleName(/flow/i);
    await expect(svgs.nth(1)).toHaveAccessibleName(/flow/i);
  });

  test('links out only to pinned spec, RFC, ToolHive source and docs URLs', async ({
    page,
  }) => {
    await page.goto(PAGE);
    await waitForHydration(page);
    const links = await page.locator('a[href^="http"]').evaluateAll(
      (anchors, title) =>
        anchors.map((a) => {
          const note = a.closest('.theme-admonition');
          return {
            href: (a as HTMLAnchorElement).href,
            sameOrigin:
              new URL((a as HTMLAnchorElement).href).origin ===
              window.location.origin,
            inWhatChangesNote: Boolean(note?.textContent?.includes(title)),
          };
        }),
      WHAT_CHANGES_TITLE,
    );
    const external = links.filter((l) => !l.sameOrigin);
    expect(external.length).toBeGreaterThan(20);
    const disallowed = external
      .filter(
        (l) =>
          !ALLOWED_LINK.some((re) => re.test(l.href)) &&
          !(l.inWhatChangesNote && NEXT_REVISION_LINK.test(l.href)),
      )
      .map((l) => l.href);
    expect(disallowed).toEqual([]);
    expect(
      external.filter((l) => /github\.com/.test(l.href)).length,
    ).toBeGreaterThan(0);
  });

  // axe scans this page elsewhere, in both modes: whole, as a reader first
  // sees it (a11y-all-pages.spec.ts), and its embed once the simulator has
  // loaded (simulator-a11y.spec.ts).
});

test.describe('the three doc pages', () => {
  for (const { url, title, headings } of PAGES) {
    test(`${url} has its headings, in order, with their anchors`, async ({
      page,
    }) => {
      await page.goto(url);
      await waitForHydration(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      const actual = await page
        .locator('.theme-doc-markdown :is(h2, h3)')
        .evaluateAll((nodes) =>
          nodes
            .filter(
              (h) => !h.closest('[data-simulator-embed], [data-footnotes]'),
            )
            .map((h) => {
              const copy = h.cloneNode(true) as HTMLElement;
              copy.querySelectorAll('.hash-link').forEach((a) => a.remove());
              return {
                level: Number(h.tagName.slice(1)),
                id: h.id,
                text: (copy.textContent ?? '').replace(/\u200b/g, '').trim(),
              };
            }),
        );
      expect(actual).toEqual(headings);
    });
  }

  test('the concept page stays within its word and heading limits', async ({
    browser,
  }) => {
    // The static HTML, as a reader without JavaScript (and a crawler) gets it.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(PAGE);
    const metrics = await proseMetrics(page);
    await context.close();
    const summary = `${PAGE}: ${metrics.words} words of prose, ${metrics.h2} H2, ${metrics.headings} headings below the title (${metrics.headingsWithTitle} with it)`;
    console.log(summary);
    test.info().annotations.push({ type: 'prose', description: summary });
    expect(metrics.words).toBeGreaterThan(1_000);
    expect(metrics.words).toBeLessThanOrEqual(LIMITS.words);
    expect(metrics.h2).toBeLessThanOrEqual(LIMITS.h2);
    expect(metrics.headingsWithTitle).toBeLessThanOrEqual(LIMITS.headings);
    // The simulator sits under a heading, so it is in the table of contents.
    expect(metrics.headingIds).toContain('try-it');
  });

  test('the prose counter counts text, tables and details, and skips code, footnotes and the simulator', async ({
    page,
  }) => {
    await page.setContent(`
      <div class="theme-doc-markdown">
        <header><h1>Title here</h1></header>
        <h2 id="a">Two words<a class="hash-link" href="#a">#</a></h2>
        <p>One two three<sup><a data-footnote-ref href="#fn-1">1</a></sup>.</p>
        <table><tr><th>Cell</th><td>another cell</td></tr></table>
        <details><summary>More</summary><p>hidden but counted</p></details>
        <pre><code>not counted at all</code></pre>
        <div class="theme-code-block"><span>nor this</span></div>
        <div data-simulator-embed><h2>Sim</h2><p>not prose</p></div>
        <section data-footnotes class="footnotes"><h2>Footnotes</h2><ol><li>Source text</li></ol></section>
      </div>`);
    const metrics = await proseMetrics(page);
    // Title here (2) + Two words (2) + One two three. (3) + Cell another cell
    // (3) + More hidden but counted (4) = 14.
    expect(metrics.words).toBe(14);
    expect(metrics.h2).toBe(1);
    expect(metrics.headings).toBe(1);
    expect(metrics.headingsWithTitle).toBe(2);
  });
});

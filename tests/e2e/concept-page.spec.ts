import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Relative, so the test also works when the site is built under a sub-path. */
const PAGE = 'concepts/auth-framework';

/**
 * The ten numbered topics of issue 7, each with its own heading (id and
 * visible text). Topic 9 is the pair of diagram sections.
 */
const TOPIC_HEADINGS: Array<{ topic: number; id: string; text: string }> = [
  { topic: 1, id: 'discovery-handshake', text: 'Discovery handshake' },
  { topic: 2, id: 'audience-binding', text: 'Audience binding' },
  { topic: 3, id: 'pkce', text: 'Proof Key for Code Exchange (PKCE)' },
  {
    topic: 4,
    id: 'token-passthrough',
    text: 'Token passthrough to the backend',
  },
  { topic: 5, id: 'introspection', text: 'Opaque tokens and introspection' },
  { topic: 6, id: 'jwks', text: 'Signing keys and JWKS' },
  { topic: 7, id: 'identity-providers', text: 'Identity providers' },
  {
    topic: 8,
    id: 'embedded-authorization-server',
    text: 'Embedded authorization server',
  },
  { topic: 9, id: 'authentication-flow', text: 'Authentication flow' },
  { topic: 9, id: 'authorization-flow', text: 'Authorization flow' },
  { topic: 10, id: 'terminology', text: 'Terminology' },
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

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

test.describe('concept page: authentication and authorization', () => {
  test('has a heading for each of the ten topics', async ({ page }) => {
    await page.goto(PAGE);
    await waitForHydration(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Authentication and authorization',
    );
    for (const { topic, id, text } of TOPIC_HEADINGS) {
      const heading = page.locator(`article :is(h2, h3)#${id}`);
      await expect(heading, `topic ${topic}: #${id}`).toHaveCount(1);
      // The heading's own text, without Docusaurus's "#" anchor link.
      const own = await heading.evaluate((h) => {
        const copy = h.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.hash-link').forEach((a) => a.remove());
        return (copy.textContent ?? '').replace(/\u200b/g, '').trim();
      });
      expect(own, `topic ${topic}: #${id}`).toBe(text);
    }
  });

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

  for (const mode of ['light', 'dark'] as const) {
    test(`axe reports no violations in ${mode} mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: mode });
      await page.goto(PAGE);
      await waitForHydration(page);
      await expect(page.locator('html')).toHaveAttribute('data-theme', mode);
      await renderedDiagrams(page);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

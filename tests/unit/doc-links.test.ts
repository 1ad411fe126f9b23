import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import {
  anchorsOf,
  brokenInternalLinks,
  internalLinks,
  slugify,
} from './doc-anchors';

/**
 * Checks every external URL in docs/: only four hosts are allowed, ToolHive
 * source links are pinned to a full commit hash, MCP specification links use
 * the dated 2025-11-25 revision with a fragment that exists on that page, and
 * 2026-07-28 links appear only inside the "What changes" note.
 */

const DOCS_DIR = fileURLToPath(new URL('../../docs/', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The ToolHive commit the pages document (v0.44.0 plus docs fixes). */
export const PINNED_TOOLHIVE_COMMIT =
  'e25de16cf9720b13cf0b400c861a2f6840e2763c';

export const ALLOWED_HOSTS = new Set([
  'modelcontextprotocol.io',
  'www.rfc-editor.org',
  'github.com',
  'docs.stacklok.com',
]);

/** Heading fragments of the 2025-11-25 authorization page (mcp-auth-spec.md §1). */
export const SPEC_2025_AUTHORIZATION_FRAGMENTS = new Set([
  'introduction',
  'purpose-and-scope',
  'protocol-requirements',
  'standards-compliance',
  'roles',
  'overview',
  'authorization-server-discovery',
  'authorization-server-location',
  'protected-resource-metadata-discovery-requirements',
  'authorization-server-metadata-discovery',
  'authorization-server-discovery-sequence-diagram',
  'client-registration-approaches',
  'client-id-metadata-documents',
  'implementation-requirements',
  'example-metadata-document',
  'client-id-metadata-documents-flow',
  'discovery',
  'preregistration',
  'dynamic-client-registration',
  'scope-selection-strategy',
  'authorization-flow-steps',
  'resource-parameter-implementation',
  'canonical-server-uri',
  'access-token-usage',
  'token-requirements',
  'token-handling',
  'error-handling',
  'scope-challenge-handling',
  'runtime-insufficient-scope-errors',
  'step-up-authorization-flow',
  'security-considerations',
  'token-audience-binding-and-validation',
  'token-theft',
  'communication-security',
  'authorization-code-protection',
  'open-redirection',
  'client-id-metadata-document-security',
  'authorization-server-abuse-protection',
  'localhost-redirect-uri-risks',
  'trust-policies',
  'confused-deputy-problem',
  'access-token-privilege-restriction',
  'mcp-authorization-extensions',
]);

/** Anchors of the 2025-11-25 security best practices page that the spec links. */
export const SPEC_2025_SECURITY_FRAGMENTS = new Set([
  'confused-deputy-problem',
  'token-passthrough',
  'session-hijacking',
  'scope-minimization',
]);

/** 2026-07-28 pages and fragments (mcp-auth-spec.md §8), keyed by path. */
export const SPEC_2026_FRAGMENTS: Record<string, Set<string>> = {
  '/specification/2026-07-28/basic/authorization': new Set([
    'overview',
    'authorization-response-validation',
    'client-registration',
    'scope-selection-strategy',
    'runtime-insufficient-scope-errors',
    'step-up-authorization-flow',
    'refresh-tokens',
  ]),
  '/specification/2026-07-28/basic/authorization/authorization-server-discovery':
    new Set([
      'authorization-server-location',
      'authorization-server-metadata-discovery',
      'sequence-diagram',
    ]),
  '/specification/2026-07-28/basic/authorization/client-registration': new Set([
    'implementation-requirements',
    'advertising-cimd-support',
    'pre-registration',
    'dynamic-client-registration',
    'application-type-and-redirect-uri-constraints',
    'authorization-server-binding',
  ]),
  '/specification/2026-07-28/basic/authorization/security-considerations':
    new Set(['mix-up-attacks', 'trust-policies']),
};

/** Title of the one admonition where 2026-07-28 links may appear. */
export const WHAT_CHANGES_TITLE =
  'What changes in the 2026-07-28 spec revision';

export interface FoundUrl {
  url: string;
  /** Character offset in the source file. */
  offset: number;
  /** True when the URL sits inside the "What changes" admonition. */
  inWhatChangesNote: boolean;
}

/** Replace each match with spaces, keeping newlines, so offsets survive. */
function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => m.replace(/[^\n]/g, ' '));
}

/** Ranges [start, end) of admonitions titled with WHAT_CHANGES_TITLE. */
function whatChangesRanges(source: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const open = /^:::[a-z]+\[([^\]]*)\][^\n]*$/gm;
  let m: RegExpExecArray | null;
  while ((m = open.exec(source)) !== null) {
    if (!(m[1] ?? '').includes(WHAT_CHANGES_TITLE)) continue;
    const close = /^:::\s*$/gm;
    close.lastIndex = m.index + m[0].length;
    const end = close.exec(source);
    ranges.push([m.index, end ? end.index : source.length]);
  }
  return ranges;
}

/**
 * Every http(s) URL in a Markdown/MDX source outside code: links, autolinks,
 * bare URLs (which GFM turns into links) and JSX href attributes.
 */
export function extractUrls(source: string): FoundUrl[] {
  let text = blank(source, /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm);
  text = blank(text, /`[^`\n]*`/g);
  // A VerifiedExample's `request` attribute names a simulated request, not a link.
  text = blank(text, /<VerifiedExample\b[^>]*>/g);
  const notes = whatChangesRanges(source);
  const found: FoundUrl[] = [];
  const urlPattern = /https?:\/\/[^\s)<>\]"'`}]+/g;
  let m: RegExpExecArray | null;
  while ((m = urlPattern.exec(text)) !== null) {
    const url = m[0].replace(/[.,;:!?]+$/, '');
    const offset = m.index;
    found.push({
      url,
      offset,
      inWhatChangesNote: notes.some(([s, e]) => offset >= s && offset < e),
    });
  }
  return found;
}

/** Problems with one URL; an empty list means the URL is allowed. */
export function checkUrl(raw: string, inWhatChangesNote = false): string[] {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [`not a valid URL: ${raw}`];
  }
  const problems: string[] = [];
  if (url.protocol !== 'https:') problems.push(`not https: ${raw}`);
  if (!ALLOWED_HOSTS.has(url.hostname)) {
    problems.push(`host ${url.hostname} is not allowed: ${raw}`);
    return problems;
  }
  const fragment = url.hash.replace(/^#/, '');

  if (url.hostname === 'github.com') {
    if (
      !/^\/stacklok\/toolhive\/blob\/[0-9a-f]{40}\/[^\s]+$/.test(url.pathname)
    ) {
      problems.push(
        `GitHub link must be a stacklok/toolhive /blob/<40-hex commit>/ path: ${raw}`,
      );
    }
    if (fragment && !/^L\d+(-L\d+)?$/.test(fragment)) {
      problems.push(`GitHub line anchor must be #L<n> or #L<n>-L<m>: ${raw}`);
    }
  }

  if (url.hostname === 'www.rfc-editor.org') {
    if (!/^\/rfc\/rfc\d+$/.test(url.pathname)) {
      problems.push(`RFC link must be /rfc/rfcNNNN: ${raw}`);
    }
    if (!/^(section-\d+(\.\d+)*|appendix-[A-Z](\.\d+)*)$/.test(fragment)) {
      problems.push(
        `RFC link needs a #section-… or #appendix-… anchor: ${raw}`,
      );
    }
  }

  if (url.hostname === 'docs.stacklok.com') {
    if (!url.pathname.startsWith('/toolhive/')) {
      problems.push(`ToolHive docs link must be under /toolhive/: ${raw}`);
    }
  }

  if (url.hostname === 'modelcontextprotocol.io') {
    const path = url.pathname.replace(/\/$/, '');
    if (path === '/specification/2025-11-25/basic/authorization') {
      if (!SPEC_2025_AUTHORIZATION_FRAGMENTS.has(fragment)) {
        problems.push(`unknown or missing spec fragment #${fragment}: ${raw}`);
      }
    } else if (
      path === '/specification/2025-11-25/basic/security_best_practices'
    ) {
      if (!SPEC_2025_SECURITY_FRAGMENTS.has(fragment)) {
        problems.push(
          `unknown or missing security page fragment #${fragment}: ${raw}`,
        );
      }
    } else if (path.startsWith('/specification/2026-07-28/')) {
      if (!inWhatChangesNote) {
        problems.push(
          `2026-07-28 links belong only in the "${WHAT_CHANGES_TITLE}" note: ${raw}`,
        );
      }
      const known = SPEC_2026_FRAGMENTS[path];
      if (!known || !known.has(fragment)) {
        problems.push(`unknown 2026-07-28 page or fragment: ${raw}`);
      }
    } else {
      problems.push(
        `spec link must be the dated 2025-11-25 authorization or security page: ${raw}`,
      );
    }
  }
  return problems;
}

function docFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...docFiles(full));
    else if (/\.mdx?$/.test(name)) out.push(full);
  }
  return out.sort();
}

const files = docFiles(DOCS_DIR);
const urlsByFile = files.map((file) => ({
  file: relative(REPO_ROOT, file),
  urls: extractUrls(readFileSync(file, 'utf8')),
}));
const allUrls = urlsByFile.flatMap(({ file, urls }) =>
  urls.map((u) => ({ file, ...u })),
);

describe('external links in docs/', () => {
  it('finds the docs and their links', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((f) => f.endsWith('auth-framework.mdx'))).toBe(true);
    expect(allUrls.length).toBeGreaterThan(20);
  });

  it('point only to the four allowed hosts, with pinned, known targets', () => {
    const problems = allUrls.flatMap(({ file, url, inWhatChangesNote }) =>
      checkUrl(url, inWhatChangesNote).map((p) => `${file}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('pin every stacklok/toolhive link to a full commit hash, never a branch', () => {
    const toolhive = allUrls.filter(({ url }) =>
      url.startsWith('https://github.com/stacklok/toolhive/'),
    );
    expect(toolhive.length).toBeGreaterThan(0);
    for (const { file, url } of toolhive) {
      expect(url, file).toMatch(
        /^https:\/\/github\.com\/stacklok\/toolhive\/blob\/[0-9a-f]{40}\//,
      );
    }
  });

  it('use the one ToolHive commit that the Sources sections name', () => {
    const commits = new Set(
      allUrls
        .map(({ url }) => /\/toolhive\/blob\/([0-9a-f]{40})\//.exec(url)?.[1])
        .filter((c): c is string => Boolean(c)),
    );
    expect([...commits]).toEqual([PINNED_TOOLHIVE_COMMIT]);
  });

  it('use only the dated 2025-11-25 spec outside the "What changes" note', () => {
    const stray = allUrls.filter(
      ({ url, inWhatChangesNote }) =>
        url.includes('modelcontextprotocol.io/') &&
        !url.includes('/specification/2025-11-25/') &&
        !inWhatChangesNote,
    );
    expect(stray).toEqual([]);
  });
});

describe('the link checker itself', () => {
  const good = [
    `https://github.com/stacklok/toolhive/blob/${PINNED_TOOLHIVE_COMMIT}/pkg/auth/token.go#L1113`,
    `https://github.com/stacklok/toolhive/blob/${PINNED_TOOLHIVE_COMMIT}/pkg/auth/token.go#L1148-L1190`,
    'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#token-handling',
    'https://modelcontextprotocol.io/specification/2025-11-25/basic/security_best_practices#token-passthrough',
    'https://www.rfc-editor.org/rfc/rfc9728#section-5.1',
    'https://www.rfc-editor.org/rfc/rfc7636#appendix-B',
    'https://docs.stacklok.com/toolhive/guides-cli/auth',
  ];

  it.each(good)('accepts %s', (url) => {
    expect(checkUrl(url)).toEqual([]);
  });

  it('accepts a 2026-07-28 link inside the note only', () => {
    const url =
      'https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#authorization-response-validation';
    expect(checkUrl(url, true)).toEqual([]);
    expect(checkUrl(url, false)).not.toEqual([]);
  });

  const bad = [
    // a branch instead of a commit
    'https://github.com/stacklok/toolhive/blob/main/pkg/auth/token.go#L1113',
    // a short hash
    'https://github.com/stacklok/toolhive/blob/e25de16/pkg/auth/token.go#L1113',
    // a tree link and another repository
    `https://github.com/stacklok/toolhive/tree/${PINNED_TOOLHIVE_COMMIT}/pkg/auth`,
    'https://github.com/stacklok/docs-website/blob/cf551143fe7c6dd8602c25d534f4a32e27f8c4e9/README.md',
    // a host that is not allowed
    'https://example.com/anything',
    'https://datatracker.ietf.org/doc/html/rfc9728#section-5.1',
    'http://docs.stacklok.com/toolhive/guides-cli/auth',
    // the undated or older spec, and a fragment that does not exist
    'https://modelcontextprotocol.io/specification/latest/basic/authorization#token-handling',
    'https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization#authorization-flow',
    'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#sequence-diagram',
    'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization',
    // an RFC link without a section anchor
    'https://www.rfc-editor.org/rfc/rfc9728',
  ];

  it.each(bad)('rejects %s', (url) => {
    expect(checkUrl(url)).not.toEqual([]);
  });

  it('extracts links but ignores URLs in code', () => {
    const source = [
      'See [the spec](https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#overview).',
      'Inline `https://mcp.example.com/mcp` is code.',
      '```http',
      'GET https://mcp.example.com/.well-known/oauth-protected-resource HTTP/1.1',
      '```',
      'A bare https://example.com/bare link.',
    ].join('\n');
    expect(extractUrls(source).map((u) => u.url)).toEqual([
      'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization#overview',
      'https://example.com/bare',
    ]);
  });

  it('knows which links sit inside the "What changes" note', () => {
    const source = [
      '[a](https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#overview)',
      '',
      `:::info[${WHAT_CHANGES_TITLE}]`,
      '',
      '[b](https://modelcontextprotocol.io/specification/2026-07-28/basic/authorization#overview)',
      '',
      ':::',
    ].join('\n');
    expect(extractUrls(source).map((u) => u.inWhatChangesNote)).toEqual([
      false,
      true,
    ]);
  });
});

describe('links between the doc pages', () => {
  const concept = join(DOCS_DIR, 'concepts/auth-framework.mdx');
  const reference = join(DOCS_DIR, 'reference/authorization.mdx');
  const backend = join(DOCS_DIR, 'concepts/backend-auth.mdx');

  it('resolve to an existing page and anchor', () => {
    expect(files.flatMap((file) => brokenInternalLinks(file))).toEqual([]);
  });

  it('connect the concept, reference and backend pages both ways', () => {
    const targets = (file: string) =>
      new Set(internalLinks(readFileSync(file, 'utf8')).map((l) => l.target));
    expect([...targets(concept)]).toEqual(
      expect.arrayContaining([
        '../reference/authorization.mdx',
        './backend-auth.mdx',
      ]),
    );
    expect([...targets(reference)]).toEqual(
      expect.arrayContaining([
        '../concepts/auth-framework.mdx',
        '../concepts/backend-auth.mdx',
      ]),
    );
    expect([...targets(backend)]).toEqual(
      expect.arrayContaining([
        './auth-framework.mdx',
        '../reference/authorization.mdx',
      ]),
    );
  });

  it('keep the anchors that pages outside this site link to', () => {
    expect(anchorsOf(readFileSync(concept, 'utf8'))).toContain(
      'embedded-authorization-server',
    );
  });

  it('read explicit heading ids, slugs and JSX ids, and skip code', () => {
    const source = [
      '## Why it works {/* #why */}',
      '### Signing keys and JWKS',
      '- <a id="bearer-token" href="#bearer-token">Bearer token</a>',
      '```md',
      '## Not a heading {/* #nope */}',
      '```',
    ].join('\n');
    expect([...anchorsOf(source)]).toEqual([
      'why',
      'signing-keys-and-jwks',
      'bearer-token',
    ]);
    expect(slugify("The simulator's policy")).toBe('the-simulators-policy');
  });

  it('find relative and same-page links, not external ones', () => {
    const source =
      'See [a](./a.mdx#x), [b](../ref/b.mdx), [c](#here), [d](https://e.example/#y) and [e](/simulator).';
    expect(internalLinks(source)).toEqual([
      { target: './a.mdx', anchor: 'x', line: 1 },
      { target: '../ref/b.mdx', anchor: '', line: 1 },
      { target: '', anchor: 'here', line: 1 },
    ]);
  });
});

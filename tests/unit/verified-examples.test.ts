import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BindingError,
  parseBindings,
} from '../../src/verified-examples/bindings';
import {
  compareExample,
  lineDiff,
  normalise,
} from '../../src/verified-examples/compare';
import { simulatorTexts } from '../../src/verified-examples/run';

/** Every doc page under docs/, found on disk, so a new page is covered too. */
function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return mdxFiles(full);
      return /\.mdx?$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

const PAGES = mdxFiles('docs').map((file) => ({
  file,
  bindings: parseBindings(readFileSync(file, 'utf8')),
}));
type Binding = ReturnType<typeof parseBindings>[number];
const ALL = PAGES.flatMap((p) => p.bindings);
const CONCEPT = 'docs/concepts/auth-framework.mdx';

/** The protocol messages the pages, together, must show as verified examples. */
const REQUIRED: Array<{ what: string; match: (b: Binding) => boolean }> = [
  {
    what: 'the 401 challenge',
    match: (b) => b.part.startsWith('response') && /401/.test(b.text),
  },
  {
    what: 'the PRM document',
    match: (b) => /"bearer_methods_supported"/.test(b.text),
  },
  {
    what: 'AS metadata',
    match: (b) => /"code_challenge_methods_supported"/.test(b.text),
  },
  {
    what: 'the authorization request',
    match: (b) => /code_challenge=/.test(b.text),
  },
  { what: 'the token request', match: (b) => /code_verifier=/.test(b.text) },
  { what: 'the token response', match: (b) => /"access_token"/.test(b.text) },
  { what: 'a decoded access token', match: (b) => b.part === 'token-claims' },
  { what: 'the JWKS', match: (b) => /"keys"/.test(b.text) },
  {
    what: 'the introspection exchange',
    match: (b) => /token_type_hint=access_token|"active"/.test(b.text),
  },
  {
    what: 'the Cedar policy behind the 403',
    match: (b) => b.part === 'cedar-policy',
  },
  {
    what: 'the 403 denial',
    match: (b) => /403/.test(b.text) && b.part.startsWith('response'),
  },
];

/** The few examples that teach, on the concept page itself (issue 10). */
const CONCEPT_REQUIRED = [
  'the 401 challenge',
  'the PRM document',
  'a decoded access token',
  'the 403 denial',
];

describe('verified examples on the doc pages', () => {
  it('finds the pages with examples by scanning docs/', () => {
    const withExamples = PAGES.filter((p) => p.bindings.length > 0).map(
      (p) => p.file,
    );
    expect(withExamples).toEqual(
      expect.arrayContaining([
        'docs/concepts/auth-framework.mdx',
        'docs/concepts/backend-auth.mdx',
        'docs/reference/authorization.mdx',
      ]),
    );
  });

  it('binds every protocol message the pages must show', () => {
    for (const required of REQUIRED) {
      expect(ALL.some(required.match), required.what).toBe(true);
    }
    const concept = PAGES.find((p) => p.file === CONCEPT)?.bindings ?? [];
    for (const required of REQUIRED.filter((r) =>
      CONCEPT_REQUIRED.includes(r.what),
    )) {
      expect(concept.some(required.match), `${CONCEPT}: ${required.what}`).toBe(
        true,
      );
    }
  });

  it('shows no whole token where a decoded one would do on the concept page', () => {
    const concept = PAGES.find((p) => p.file === CONCEPT)?.bindings ?? [];
    const jwt = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;
    expect(concept.filter((b) => jwt.test(b.text)).map((b) => b.title)).toEqual(
      [],
    );
  });

  it.each(PAGES.filter((p) => p.bindings.length > 0).map((p) => [p.file, p]))(
    'every example in %s equals the simulator output (run `npm run examples:sync` to update)',
    async (_file, page) => {
      const texts = await simulatorTexts(page.bindings);
      const failures: string[] = [];
      for (const binding of page.bindings) {
        const comparison = compareExample(
          binding.text,
          texts.get(binding) ?? '',
        );
        if (!comparison.equal) {
          failures.push(
            `${page.file}:${binding.line} "${binding.title}"\n${comparison.diff}`,
          );
        }
      }
      expect(failures.join('\n\n')).toBe('');
    },
    60_000,
  );
});

describe('the comparator', () => {
  const example =
    'HTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{\n  "error": "invalid_token"\n}';

  it('accepts only the documented normalisation', () => {
    expect(
      compareExample(`\n${example.replace(/\n/g, '  \r\n')}\n\n`, example)
        .equal,
    ).toBe(true);
    expect(normalise('a \t\r\nb\n\n')).toBe('a\nb');
  });

  it('fails on a mutated example and shows the diff', () => {
    const mutated = example.replace('invalid_token', 'invalid_request');
    const result = compareExample(mutated, example);
    expect(result.equal).toBe(false);
    expect(result.diff).toContain('-   "error": "invalid_request"');
    expect(result.diff).toContain('+   "error": "invalid_token"');
  });

  it('fails on reordered headers and changed spacing inside a line', () => {
    const reordered =
      'HTTP/1.1 401 Unauthorized\n\ncontent-type: application/json';
    expect(compareExample(reordered, example).equal).toBe(false);
    expect(
      compareExample(example.replace('"error": ', '"error":'), example).equal,
    ).toBe(false);
  });

  it('produces a line diff with context', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toBe('  a\n- b\n+ x\n  c');
  });
});

describe('examples that differ between spec revisions', () => {
  it('name their revision explicitly', async () => {
    const unnamed: string[] = [];
    let differing = 0;
    for (const page of PAGES.filter((p) => p.bindings.length > 0)) {
      const lines = readFileSync(page.file, 'utf8').split('\n');
      const own = await simulatorTexts(page.bindings);
      const flipped = page.bindings.map((b) => ({
        ...b,
        revision:
          b.revision === '2026-07-28'
            ? ('2025-11-25' as const)
            : ('2026-07-28' as const),
      }));
      const other = await simulatorTexts(flipped);
      page.bindings.forEach((b, i) => {
        const twin = flipped[i];
        if (!twin || own.get(b) === other.get(twin)) return;
        differing += 1;
        const tag = lines[b.line - 1] ?? '';
        if (!/\brevision="/.test(tag)) {
          unnamed.push(`${page.file}:${b.line} "${b.title}"`);
        }
      });
    }
    // The pages do show revision-sensitive examples, so this check bites.
    expect(differing).toBeGreaterThan(0);
    expect(unnamed).toEqual([]);
  }, 120_000);
});

describe('binding parser', () => {
  it('reads attributes, the code block and its offsets', () => {
    const source = [
      'Intro',
      '<VerifiedExample scenario="happy-path" step="probe" part="response-full" index={1}>',
      '',
      '```http title="401 challenge"',
      'HTTP/1.1 401 Unauthorized',
      '```',
      '',
      '</VerifiedExample>',
    ].join('\n');
    const [binding] = parseBindings(source);
    expect(binding).toMatchObject({
      scenario: 'happy-path',
      step: 'probe',
      part: 'response-full',
      index: 1,
      title: '401 challenge',
      text: 'HTTP/1.1 401 Unauthorized',
      line: 2,
    });
    expect(source.slice(binding?.bodyStart, binding?.bodyEnd)).toBe(
      'HTTP/1.1 401 Unauthorized',
    );
  });

  it('narrows exchanges by request line when `request` is set', () => {
    const [binding] = parseBindings(
      '<VerifiedExample scenario="s" step="t" request="GET https://a.example/jwks" part="response">\n\n```http\nx\n```\n\n</VerifiedExample>',
    );
    expect(binding?.request).toBe('GET https://a.example/jwks');
    expect(binding?.index).toBe(0);
  });

  it('binds to 2025-11-25 unless a revision is named, and refuses an unknown one', () => {
    const block = '\n\n```http\nx\n```\n\n</VerifiedExample>';
    const [plain] = parseBindings(
      `<VerifiedExample scenario="s" step="t" part="response">${block}`,
    );
    expect(plain?.revision).toBe('2025-11-25');
    const [newer] = parseBindings(
      `<VerifiedExample scenario="s" step="t" part="response" revision="2026-07-28">${block}`,
    );
    expect(newer?.revision).toBe('2026-07-28');
    expect(() =>
      parseBindings(
        `<VerifiedExample scenario="s" step="t" part="response" revision="2027-01-01">${block}`,
      ),
    ).toThrow(/unknown revision "2027-01-01"/);
  });

  it('rejects a binding without a code block or with an unknown part', () => {
    expect(() =>
      parseBindings(
        '<VerifiedExample scenario="a" step="b" part="response">x</VerifiedExample>',
      ),
    ).toThrow(BindingError);
    expect(() =>
      parseBindings(
        '<VerifiedExample scenario="a" step="b" part="headers">\n```\nx\n```\n</VerifiedExample>',
      ),
    ).toThrow(/unknown part "headers"/);
  });
});

import { readFileSync } from 'node:fs';
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

const PAGE = 'docs/concepts/auth-framework.mdx';
const page = readFileSync(PAGE, 'utf8');
const bindings = parseBindings(page);

/** The protocol messages the concept page must show as verified examples. */
const REQUIRED = [
  {
    what: 'the 401 challenge',
    match: (b: (typeof bindings)[number]) =>
      b.part.startsWith('response') && /401/.test(b.text),
  },
  {
    what: 'the PRM document',
    match: (b: (typeof bindings)[number]) =>
      /"bearer_methods_supported"/.test(b.text),
  },
  {
    what: 'AS metadata',
    match: (b: (typeof bindings)[number]) =>
      /"code_challenge_methods_supported"/.test(b.text),
  },
  {
    what: 'the authorization request',
    match: (b: (typeof bindings)[number]) => /code_challenge=/.test(b.text),
  },
  {
    what: 'the token request',
    match: (b: (typeof bindings)[number]) => /code_verifier=/.test(b.text),
  },
  {
    what: 'the token response',
    match: (b: (typeof bindings)[number]) => /"access_token"/.test(b.text),
  },
  {
    what: 'a decoded access token',
    match: (b: (typeof bindings)[number]) => b.part === 'token-claims',
  },
  {
    what: 'the JWKS',
    match: (b: (typeof bindings)[number]) => /"keys"/.test(b.text),
  },
  {
    what: 'the introspection exchange',
    match: (b: (typeof bindings)[number]) =>
      /token_type_hint=access_token|"active"/.test(b.text),
  },
  {
    what: 'the Cedar policy behind the 403',
    match: (b: (typeof bindings)[number]) => b.part === 'cedar-policy',
  },
  {
    what: 'the 403 denial',
    match: (b: (typeof bindings)[number]) =>
      /403/.test(b.text) && b.part.startsWith('response'),
  },
];

describe('verified examples on the concept page', () => {
  it('binds every protocol message the page must show', () => {
    for (const required of REQUIRED) {
      expect(bindings.some(required.match), required.what).toBe(true);
    }
  });

  it('every example equals the simulator output (run `npm run examples:sync` to update)', async () => {
    const texts = await simulatorTexts(bindings);
    const failures: string[] = [];
    for (const binding of bindings) {
      const comparison = compareExample(binding.text, texts.get(binding) ?? '');
      if (!comparison.equal) {
        failures.push(
          `${PAGE}:${binding.line} "${binding.title}"\n${comparison.diff}`,
        );
      }
    }
    expect(failures.join('\n\n')).toBe('');
  }, 60_000);
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

import { describe, expect, it } from 'vitest';
import { diagramSources } from '../../src/diagrams/sources';
import { sourceHash } from '../../src/diagrams/hash';
import { GENERATED } from '../../src/diagrams/generated/diagrams';

describe('build-time diagrams', () => {
  for (const source of diagramSources()) {
    describe(source.id, () => {
      const generated = GENERATED.diagrams[source.id];

      it('the committed SVG was rendered from the current source (else run `npm run diagrams`)', () => {
        expect(generated?.sourceHash).toBe(sourceHash(source));
      });

      it('marks every message arrow and label with its id, for the live highlight', () => {
        for (const messageId of source.messageIds) {
          const marks =
            generated?.svg.split(`data-message="${messageId}"`).length ?? 0;
          expect(marks - 1, messageId).toBe(2);
        }
      });

      it('ships no definition it never uses (scripts/lib/prune-svg.ts ran)', () => {
        const svg = generated?.svg ?? '';
        const referenced = new Set(
          Array.from(
            svg.matchAll(/url\(#([^)"']+)\)|href="#([^"]+)"/g),
            (match) => match[1] ?? match[2],
          ),
        );
        const defined = Array.from(
          svg.matchAll(/<defs>([\s\S]*?)<\/defs>/g),
          (match) => match[1] ?? '',
        ).flatMap((defs) =>
          Array.from(defs.matchAll(/<\w+ [^>]*\bid="([^"]+)"/g), (m) => m[1]),
        );
        expect(defined.length).toBeGreaterThan(0);
        expect(defined.filter((id) => !referenced.has(id))).toEqual([]);
        expect(svg).not.toMatch(/@keyframes|edge-animation|error-icon/);
      });

      it('carries an accessible name and description', () => {
        expect(source.source).toMatch(/^\s*accTitle: \S/m);
        expect(source.source).toMatch(/^\s*accDescr: \S/m);
        expect(generated?.svg).toMatch(/aria-labelledby="chart-title-/);
        expect(generated?.svg).toMatch(/aria-describedby="chart-desc-/);
      });
    });
  }

  it('keeps the two diagrams apart: no Cedar in authentication, no discovery in authorization', () => {
    const [authn, authz] = diagramSources();
    expect(authn?.source).not.toMatch(/cedar/i);
    expect(authz?.source).not.toMatch(/metadata|well-known|discovery|PRM/i);
  });

  it('detects a stale rendering', () => {
    const [authn] = diagramSources();
    if (!authn) throw new Error('no authn diagram');
    const edited = {
      ...authn,
      source: `${authn.source}\n  client->>toolhive: extra`,
    };
    expect(sourceHash(edited)).not.toBe(GENERATED.diagrams.authn?.sourceHash);
  });
});

/**
 * Renders the site's sequence diagrams to SVG once, at authoring time, so a
 * reader's browser never downloads mermaid. Run after changing a diagram:
 *
 *   npm run diagrams            # render and write src/diagrams/generated/
 *   npm run diagrams -- --check # exit 1 when the committed SVGs are stale
 *
 * Each message arrow and its label get `data-message="<id>"`, taken from the
 * simulator's ordered message list, so the live simulator can highlight the
 * message of the current step on this very SVG. What mermaid ships but the
 * diagram never draws (unused CSS, markers, symbols) is pruned, and the
 * pruned SVG must draw the same pixels as mermaid's, or the script fails.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { diagramSources } from '../src/diagrams/sources';
import { sourceHash } from '../src/diagrams/hash';
import { GENERATED } from '../src/diagrams/generated/diagrams';
import {
  CHROMIUM_ARGS,
  NO_CHROMIUM_MESSAGE,
  findChromium,
} from './lib/chromium';
import { options } from './lib/args';
import { pruneSvg } from './lib/prune-svg';

const require = createRequire(__filename);
const OUT = path.join(
  __dirname,
  '..',
  'src',
  'diagrams',
  'generated',
  'diagrams.ts',
);

function mermaidVersion(): string {
  return (require('mermaid/package.json') as { version: string }).version;
}

function staleDiagrams(): string[] {
  const stale: string[] = [];
  for (const source of diagramSources()) {
    const current = GENERATED.diagrams[source.id];
    if (!current || current.sourceHash !== sourceHash(source))
      stale.push(source.id);
  }
  return stale;
}

/**
 * The SVG on the stage, less what it never draws (see lib/prune-svg.ts), after
 * checking that the pruned SVG draws exactly the pixels the original did.
 */
async function prunedSvg(page: Page, id: string): Promise<string> {
  const element = page.locator('#stage > svg');
  const original = await element.screenshot();
  const { before, after } = await element.evaluate(pruneSvg);
  if (!original.equals(await element.screenshot())) {
    throw new Error(`${id}: the pruned SVG draws differently from mermaid's`);
  }
  console.log(`${id}: ${before} -> ${after} characters of SVG`);
  return element.evaluate((node) => node.outerHTML);
}

async function render(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  await page.setContent(
    '<!doctype html><html><body><div id="stage" style="width:1300px"></div></body></html>',
  );
  await page.addScriptTag({
    path: require.resolve('mermaid/dist/mermaid.min.js'),
  });
  const out: Record<
    string,
    { sourceHash: string; messageIds: string[]; svg: string }
  > = {};
  for (const source of diagramSources()) {
    await page.evaluate(
      async ({ id, text, messageIds }) => {
        type Mermaid = {
          initialize(config: Record<string, unknown>): void;
          render(id: string, text: string): Promise<{ svg: string }>;
        };
        const mermaid = (window as unknown as { mermaid: Mermaid }).mermaid;
        mermaid.initialize({
          startOnLoad: false,
          theme: 'neutral',
          securityLevel: 'strict',
          fontFamily: 'Arial, Helvetica, sans-serif',
          sequence: { useMaxWidth: true, mirrorActors: false },
        });
        const { svg } = await mermaid.render(`${id}-diagram`, text);
        const holder = document.getElementById('stage');
        if (!holder) throw new Error('no stage');
        holder.innerHTML = svg;
        const lines = holder.querySelectorAll('.messageLine0, .messageLine1');
        const labels = holder.querySelectorAll('text.messageText');
        if (
          lines.length !== messageIds.length ||
          labels.length !== messageIds.length
        ) {
          throw new Error(
            `${id}: ${lines.length} arrows and ${labels.length} labels for ${messageIds.length} messages`,
          );
        }
        messageIds.forEach((messageId, index) => {
          lines[index]?.setAttribute('data-message', messageId);
          labels[index]?.setAttribute('data-message', messageId);
        });
        const element = holder.querySelector('svg');
        if (!element) throw new Error(`${id}: mermaid returned no SVG`);
        // Ids that nothing references (actors, messages) would clash when two
        // diagrams share a page; keep only the ones mermaid scoped to `id`.
        for (const node of element.querySelectorAll('[id]')) {
          if (
            !node.id.startsWith(`${id}-diagram`) &&
            !node.id.startsWith(`chart-`)
          ) {
            node.removeAttribute('id');
          }
        }
        element.setAttribute('data-diagram', id);
        element.removeAttribute('style');
      },
      { id: source.id, text: source.source, messageIds: source.messageIds },
    );
    const svg = await prunedSvg(page, source.id);
    out[source.id] = {
      sourceHash: sourceHash(source),
      messageIds: source.messageIds,
      svg,
    };
  }
  await browser.close();
  const body = [
    '// Generated by scripts/render-diagrams.ts from src/diagrams/sources.ts.',
    '// Do not edit by hand: run `npm run diagrams`.',
    `export const GENERATED: {`,
    `  mermaidVersion: string;`,
    `  diagrams: Partial<Record<string, { sourceHash: string; messageIds: string[]; svg: string }>>;`,
    `} = ${JSON.stringify({ mermaidVersion: mermaidVersion(), diagrams: out }, null, 2)};`,
    '',
  ].join('\n');
  writeFileSync(OUT, body);
  console.log(
    `Wrote ${path.relative(process.cwd(), OUT)} (${Object.keys(out).join(', ')}).`,
  );
}

async function main(): Promise<void> {
  if (options({ check: false }).check) {
    const stale = staleDiagrams();
    if (stale.length > 0) {
      console.error(
        `Stale diagrams: ${stale.join(', ')}. Run \`npm run diagrams\` and commit.`,
      );
      process.exit(1);
    }
    console.log('Diagrams are up to date.');
    return;
  }
  await render();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

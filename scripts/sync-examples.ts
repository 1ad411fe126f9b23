/**
 * Rewrites every verified example on the doc pages with the simulator's
 * current output. Run it after changing the engine, review the diff, commit.
 *
 *   npm run examples:sync            # rewrite docs/**.mdx in place
 *   npm run examples:sync -- --check # exit 1 and print diffs if any differ
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseBindings } from '../src/verified-examples/bindings';
import { compareExample, normalise } from '../src/verified-examples/compare';
import { simulatorTexts } from '../src/verified-examples/run';
import { options } from './lib/args';

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mdxFiles(full);
    return entry.name.endsWith('.mdx') ? [full] : [];
  });
}

async function main(): Promise<void> {
  const { check } = options({ check: false });
  let differences = 0;
  let total = 0;
  for (const file of mdxFiles('docs')) {
    const source = readFileSync(file, 'utf8');
    const bindings = parseBindings(source);
    if (bindings.length === 0) continue;
    total += bindings.length;
    const texts = await simulatorTexts(bindings);
    let output = source;
    // Rewrite from the end so earlier offsets stay valid.
    for (const binding of [...bindings].reverse()) {
      const actual = texts.get(binding) ?? '';
      const comparison = compareExample(binding.text, actual);
      if (comparison.equal) continue;
      differences += 1;
      if (check) {
        console.error(
          `\n${file}:${binding.line} "${binding.title}" differs from the simulator:\n${comparison.diff}`,
        );
      }
      output =
        output.slice(0, binding.bodyStart) +
        normalise(actual) +
        output.slice(binding.bodyEnd);
    }
    if (!check && output !== source) {
      writeFileSync(file, output);
      console.log(`Updated ${file}`);
    }
  }
  console.log(
    `${total} verified examples, ${differences} ${check ? 'differ' : 'updated'}.`,
  );
  if (check && differences > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

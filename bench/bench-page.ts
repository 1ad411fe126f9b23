/**
 * A throwaway page for a bench that runs code in Chromium without the site:
 * `entry` bundled by esbuild as the page's one module script, next to MSW's
 * worker script (the site's static/mockServiceWorker.js), in a new folder
 * under the system's temporary folder. The caller adds any other file the
 * page needs, serves the folder and removes it when done.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function buildBenchPage(options: {
  /** The page's script, relative to bench/. */
  entry: string;
  title: string;
  /** esbuild `define`s besides NODE_ENV, as JavaScript source text. */
  define?: Record<string, string>;
}): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-page-'));
  await build({
    entryPoints: [path.join(__dirname, options.entry)],
    outfile: path.join(dir, 'page.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"', ...options.define },
    logLevel: 'error',
  });
  copyFileSync(
    path.join(__dirname, '../static/mockServiceWorker.js'),
    path.join(dir, 'mockServiceWorker.js'),
  );
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>${options.title}</title><script type="module" src="page.js"></script>`,
  );
  return dir;
}

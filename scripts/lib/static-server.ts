/**
 * Serves a Docusaurus build on 127.0.0.1 at a free port with sirv, for the
 * bundle budget and the benchmarks, so they need no other process. `/a/b`
 * resolves to `a/b.html` or `a/b/index.html` as with `docusaurus serve`.
 * With `compress`, responses go out gzipped when the client accepts it, as a
 * real host serves them (off by default, so byte counts stay raw).
 */
import compression from 'compression';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveBuild(
  dir: string,
  options: { compress?: boolean } = {},
): Promise<StaticServer> {
  const root = path.resolve(dir);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No build in ${dir}: run \`npm run build\` first.`);
  }
  // dev: no file cache and `Cache-Control: no-store`, so every load is cold.
  const serve = sirv(root, { dev: true, extensions: ['html'] });
  const gzip = options.compress ? compression() : null;
  const server = createServer((req, res) => {
    if (!gzip) return serve(req, res);
    // compression() is Connect middleware; plain node:http objects suffice.
    gzip(req as never, res as never, () => serve(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

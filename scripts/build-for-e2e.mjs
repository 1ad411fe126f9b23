#!/usr/bin/env node
// Builds the two production sites the e2e tests serve: `build/` at `/` and
// `build-subpath/` under /toolhive-auth/. Fails fast, with one line, when no
// Chromium is available. Set E2E_SKIP_BUILD=1 to reuse existing builds.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const SUBPATH_BASE = '/toolhive-auth/';
const ROOT_DIR = process.env.E2E_OUT ?? 'build';
const SUBPATH_DIR = `${ROOT_DIR}-subpath`;

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return 'playwright'; // Playwright's own browser, if any, is checked by its config.
}

if (!findChromium()) {
  console.error(
    'No Chromium found: install one (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.',
  );
  process.exit(1);
}

function build(outDir, baseUrl) {
  const started = Date.now();
  const result = spawnSync(
    'npx',
    ['docusaurus', 'build', '--out-dir', outDir],
    { stdio: 'inherit', env: { ...process.env, BASE_URL: baseUrl } },
  );
  if (result.status !== 0) {
    console.error(`Build of ${outDir} (BASE_URL=${baseUrl}) failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`Built ${outDir} for ${baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.env.E2E_SKIP_BUILD === '1' && existsSync(ROOT_DIR) && existsSync(SUBPATH_DIR)) {
  console.log(`E2E_SKIP_BUILD=1: reusing ${ROOT_DIR}/ and ${SUBPATH_DIR}/.`);
} else {
  build(ROOT_DIR, '/');
  build(SUBPATH_DIR, SUBPATH_BASE);
}

import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import {
  CHROMIUM_ARGS,
  NO_CHROMIUM_MESSAGE,
  findChromium,
} from './scripts/lib/chromium';
import {
  DEV_PORT,
  DEV_URL,
  ROOT_BUILD_DIR,
  ROOT_PORT,
  SUBPATH_BUILD_DIR,
  ROOT_URL,
  SUBPATH_BASE,
  SUBPATH_PORT,
  SUBPATH_URL,
} from './tests/e2e/support/servers';

const executablePath = findChromium();
if (!executablePath) {
  // One clear line, no stack trace: this is a set-up problem, not a bug.
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

const launchOptions = { executablePath, args: CHROMIUM_ARGS };

/**
 * The e2e run serves production builds (made by scripts/build-for-e2e.mjs)
 * on 127.0.0.1 only: `build/` at `/` and `build-subpath/` under a sub-path.
 * One spec runs against the development server that `npm start` runs.
 */
export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Every test opens its own page, so tests of one file may run side by side.
  // At least two workers: Playwright's default, half the cores, is one on a
  // 2-core machine, which made a local run twice as long as CI's.
  fullyParallel: true,
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions,
    // A failed test keeps its trace: actions, console, network and sources.
    // Without the per-action screenshots and DOM snapshots, which more than
    // doubled the suite's time on a 2-core machine; one screenshot of the
    // failure stands in for them.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'root',
      testIgnore: /(subpath|dev-server)\.spec\.ts/,
      use: { baseURL: ROOT_URL },
    },
    {
      name: 'dev',
      testMatch: /dev-server\.spec\.ts/,
      use: { baseURL: DEV_URL },
    },
    {
      name: 'subpath',
      testMatch: /subpath\.spec\.ts/,
      use: { baseURL: SUBPATH_URL },
    },
  ],
  webServer: [
    {
      command: `npx docusaurus serve --dir ${ROOT_BUILD_DIR} --port ${ROOT_PORT} --host 127.0.0.1 --no-open`,
      url: ROOT_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx docusaurus serve --dir ${SUBPATH_BUILD_DIR} --port ${SUBPATH_PORT} --host 127.0.0.1 --no-open`,
      url: SUBPATH_URL,
      env: { BASE_URL: SUBPATH_BASE },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Compiles the site on start: slower to come up than a static server.
      command: `npx docusaurus start --port ${DEV_PORT} --host 127.0.0.1 --no-open`,
      url: DEV_URL,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
  ],
});

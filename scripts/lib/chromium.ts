import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Find a Chromium to drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else a browser Playwright downloaded itself. Returns null when none exists.
 */
export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright throws when it has no browser of its own; fall through.
  }
  return null;
}

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found: install one (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH to its executable.';

/** Flags that keep Chromium off the closed network of CI machines. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

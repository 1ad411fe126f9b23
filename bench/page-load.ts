/**
 * What loading a page costs the main thread, measured directly rather than
 * through Lighthouse's model (whose TBT depends on where its simulated first
 * paint falls): the React components that render while the page loads
 * (hydration, then effects' updates), and the main thread's busy time from a
 * V8 CPU profile, split into JavaScript and the browser's own work (parse,
 * style, layout, paint). No CPU throttling: figures are this machine's.
 */
import type { Browser, BrowserContextOptions } from '@playwright/test';
import { summariseProfile, type CpuProfile } from './cpu-profile';
import { REACT_HOOK_SCRIPT, type CommitLog } from './react-hook';

export interface LoadCost {
  /** Components rendered over all commits until the page is idle. */
  components: number;
  /** JavaScript (and garbage collection) on the main thread, ms. */
  scriptMs: number;
  /** Parse, style, layout and paint on the main thread, ms. */
  browserMs: number;
}

const BROWSER_WORK = 'browser (style, layout, paint, parse)';

export async function loadCost(
  browser: Browser,
  url: string,
  options: Pick<BrowserContextOptions, 'colorScheme'> = {},
): Promise<LoadCost> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    await page.addInitScript(REACT_HOOK_SCRIPT);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-has-hydrated="true"]', {
      state: 'attached',
    });
    // Two idle periods: effects run after hydration, and what they schedule.
    for (let i = 0; i < 2; i += 1)
      await page.evaluate(
        () => new Promise<void>((done) => requestIdleCallback(() => done())),
      );
    const { profile } = (await cdp.send('Profiler.stop')) as {
      profile: CpuProfile;
    };
    const commits = await page.evaluate(
      () => (window as unknown as { __commits: CommitLog[] }).__commits,
    );
    const summary = summariseProfile(profile);
    const browserMs =
      summary.buckets.find(([name]) => name === BROWSER_WORK)?.[1] ?? 0;
    return {
      components: commits.reduce((n, c) => n + c.rendered.length, 0),
      scriptMs: summary.busyMs - browserMs,
      browserMs,
    };
  } finally {
    await context.close();
  }
}

import { test, expect, gotoInMode, axeViolations } from './support/fixtures';

/**
 * axe (WCAG 2.0/2.1 A and AA) on every page of the built site, in light and
 * dark mode. The page list comes from the build's own sitemap, so a new page
 * is checked without editing this file.
 */
test.describe('accessibility of every page', () => {
  test('axe finds nothing on any page in the sitemap, light and dark', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const sitemap = await (await request.get('sitemap.xml')).text();
    // This spec runs against the build at `/`, so sitemap paths are relative
    // to the site root.
    const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
      new URL(m[1] ?? '').pathname.replace(/^\//, ''),
    );
    expect(paths.length).toBeGreaterThanOrEqual(6);
    const failures: string[] = [];
    for (const mode of ['light', 'dark'] as const) {
      for (const path of paths) {
        await gotoInMode(page, path === '' ? './' : path, mode);
        for (const violation of await axeViolations(page))
          failures.push(`${mode} /${path}: ${violation}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

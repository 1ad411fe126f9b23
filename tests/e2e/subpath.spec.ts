import { test, expect, waitForHydration } from './support/fixtures';
import { SUBPATH_BASE } from './support/servers';
import { openSimulator, runToEnd, simRoot } from './simulator-helpers';

// Runs against the build made with BASE_URL=/toolhive-auth/ (project "subpath").
test.describe('site under a sub-path', () => {
  test('pages, links and diagrams work under the sub-path', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('./');
    await waitForHydration(page);
    const concept = page.getByRole('link', { name: 'Read the concept page' });
    await expect(concept).toHaveAttribute(
      'href',
      `${SUBPATH_BASE}concepts/auth-framework`,
    );
    await concept.click();
    await expect(page).toHaveURL(
      new RegExp(`${SUBPATH_BASE}concepts/auth-framework$`),
    );
    await page.goto('intro');
    await expect(
      page.locator('.docusaurus-mermaid-container svg').first(),
    ).toBeVisible({
      timeout: 30_000,
    });
    expect(consoleErrors).toEqual([]);
  });

  test('the mock service worker registers with the sub-path as its scope', async ({
    page,
  }) => {
    await page.goto('./');
    await waitForHydration(page);
    const scope = await page.evaluate(async (base) => {
      const registration = await navigator.serviceWorker.register(
        `${base}mockServiceWorker.js`,
        {
          scope: base,
        },
      );
      await navigator.serviceWorker.ready;
      const active =
        registration.active ?? registration.installing ?? registration.waiting;
      const scriptURL = active?.scriptURL ?? '';
      await registration.unregister();
      return { scope: registration.scope, scriptURL };
    }, SUBPATH_BASE);
    expect(new URL(scope.scope).pathname).toBe(SUBPATH_BASE);
    expect(new URL(scope.scriptURL).pathname).toBe(
      `${SUBPATH_BASE}mockServiceWorker.js`,
    );
  });
});

test.describe('the simulator under a sub-path', () => {
  test('runs through the service worker and loads Cedar from the sub-path', async ({
    page,
    consoleErrors,
  }) => {
    const wasm: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.wasm'))
        wasm.push(new URL(response.url()).pathname);
    });
    await openSimulator(page, 'scenario=cedar-deny');
    await expect(simRoot(page)).toHaveAttribute(
      'data-transport',
      'service-worker',
    );
    await runToEnd(page);
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'failure');
    await expect(page.getByTestId('sim-step-outcome').first()).toContainText(
      '403',
    );
    expect(wasm.length).toBeGreaterThan(0);
    for (const path of wasm) expect(path.startsWith(SUBPATH_BASE)).toBe(true);
    const scope = await page.evaluate(
      async () =>
        (await navigator.serviceWorker.getRegistration())?.scope ?? '',
    );
    expect(new URL(scope).pathname).toBe(SUBPATH_BASE);
    expect(consoleErrors).toEqual([]);
  });
});

import { test, expect } from './support/fixtures';
import {
  back,
  control,
  downloadHar,
  expectInView,
  next,
  openSimulator,
  runToEnd,
  scenarioStep,
  shownExchangeText,
  simRoot,
  stepDetail,
  waitIdle,
} from './simulator-helpers';
import type { Page } from '@playwright/test';
import {
  listScenarios,
  type ScenarioDef,
} from '../../src/simulator/runner/catalogue';

const SCENARIOS = listScenarios();

/**
 * Opens a scenario's deep link, runs it to the end and checks what the reader
 * sees: the outcome, the failed step and check, the failing response and the
 * discovery probe's 401 challenge.
 */
async function checkDeepLink(page: Page, scenario: ScenarioDef): Promise<void> {
  const { expected } = scenario;
  await openSimulator(page, `scenario=${scenario.id}`);
  await expect(simRoot(page)).toHaveAttribute('data-scenario', scenario.id);
  await expect(simRoot(page)).toHaveAttribute(
    'data-transport',
    'service-worker',
  );
  await runToEnd(page);
  await expect(simRoot(page)).toHaveAttribute('data-outcome', expected.result);
  const detail = stepDetail(page);
  const steps = page.getByTestId('sim-steps').locator('li');

  if (expected.result === 'failure') {
    const failedStep = expected.failedStepId ?? '';
    await expect(
      page.getByTestId('sim-steps').locator(`li[data-step-id="${failedStep}"]`),
    ).toHaveAttribute('data-step-status', 'failed');
    // The last step run is the one shown, and it is the failed one.
    await expect(detail).toHaveAttribute('data-sim-step-id', failedStep);
    await expect(detail).toHaveAttribute('data-sim-step-status', 'failed');
    if (expected.failedCheck) {
      await expect(
        detail.locator(
          `[data-check-id="${expected.failedCheck}"][data-check-status="fail"]`,
        ),
      ).not.toHaveCount(0);
    }
    if (expected.status) {
      const failing = detail
        .locator(`[data-exchange-status="${expected.status}"]`)
        .last();
      await expect(failing).toBeVisible();
      const response = failing.locator('[data-exchange-part="response"]');
      await expect(response).toContainText(`HTTP/1.1 ${expected.status}`);
      if (expected.status === 401) {
        await expect(response).toContainText(
          /www-authenticate: Bearer .*resource_metadata="https:\/\/mcp\.example\.com\/\.well-known\/oauth-protected-resource\/mcp"/i,
        );
      }
    }
    if (expected.error) {
      await expect(detail).toContainText(expected.error);
    }
  } else {
    const count = await steps.count();
    for (let i = 0; i < count; i += 1) {
      await expect(steps.nth(i)).toHaveAttribute('data-step-status', 'done');
    }
  }

  // The discovery probe: 401 with a challenge pointing to the PRM.
  const first = steps.first();
  if ((await first.getAttribute('data-step-id')) === 'probe_unauthenticated') {
    await first.getByRole('button').click();
    await expect(detail).toHaveAttribute('data-sim-step-index', '0');
    const response = detail.locator('[data-exchange-part="response"]').first();
    await expect(response).toContainText('HTTP/1.1 401 Unauthorized');
    await expect(response).toContainText(
      /www-authenticate: Bearer .*resource_metadata=/i,
    );
  }
}

test.describe('every scenario from its deep link', () => {
  test.describe.configure({ mode: 'parallel' });

  // A few scenarios per page, one after another as a reader opening deep links
  // in one tab: the first of each group installs the service worker, the
  // others find it installed. One fresh page per scenario cost the suite more
  // than a minute on a 2-core machine and checked nothing more.
  const GROUPS = 3;
  const size = Math.ceil(SCENARIOS.length / GROUPS);
  for (let g = 0; g < GROUPS; g += 1) {
    const list = SCENARIOS.slice(g * size, (g + 1) * size);
    if (list.length === 0) continue;
    test(`each scenario runs to the end with its outcome (${list[0]?.id} to ${list[list.length - 1]?.id})`, async ({
      page,
      consoleErrors,
    }) => {
      test.setTimeout(180_000);
      for (const scenario of list) {
        await scenarioStep(
          `${scenario.id} ends in ${scenario.expected.result}`,
          () => checkDeepLink(page, scenario),
        );
      }
      expect(consoleErrors).toEqual([]);
    });
  }
});

test.describe('without service workers', () => {
  test.use({ serviceWorkers: 'block' });
  test.describe.configure({ mode: 'parallel' });

  // Two halves, so two workers share the load; one page per half. The first
  // scenario of a half opens from its link, the others are picked from the
  // Scenario list as a reader would (the deep links are checked above; a
  // reload per scenario cost about 50 s of test time on a 2-core machine).
  const half = Math.ceil(SCENARIOS.length / 2);
  const halves = [SCENARIOS.slice(0, half), SCENARIOS.slice(half)];
  halves.forEach((list, i) => {
    test(`every scenario completes through the in-page fallback (part ${i + 1} of 2)`, async ({
      page,
      consoleErrors,
    }) => {
      test.setTimeout(120_000);
      for (const [n, scenario] of list.entries()) {
        await scenarioStep(
          `${scenario.id} ends in ${scenario.expected.result}`,
          async () => {
            if (n === 0) await openSimulator(page, `scenario=${scenario.id}`);
            else {
              await page
                .getByLabel('Scenario', { exact: true })
                .selectOption(scenario.id);
            }
            await expect(simRoot(page)).toHaveAttribute(
              'data-scenario',
              scenario.id,
            );
            await expect(simRoot(page)).toHaveAttribute('data-cursor', '0');
            await waitIdle(page);
            await expect(simRoot(page)).toHaveAttribute(
              'data-transport',
              'in-page',
            );
            await runToEnd(page);
            await expect(simRoot(page)).toHaveAttribute(
              'data-outcome',
              scenario.expected.result,
            );
          },
        );
      }
      await expect(page.getByTestId('sim-transport')).toContainText(
        'Service workers are unavailable here',
      );
      expect(consoleErrors).toEqual([]);
    });
  });
});

test.describe('transcripts and exports', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Back, Next, Reset and deep links give the same transcript', async ({
    page,
    consoleErrors,
  }) => {
    await openSimulator(page, 'scenario=happy-path');
    await runToEnd(page);
    const total = Number(await simRoot(page).getAttribute('data-cursor'));
    const direct = await downloadHar(page);

    await control(page, 'Reset').click();
    await expect(simRoot(page)).toHaveAttribute('data-cursor', '0');
    await waitIdle(page);
    for (let n = 1; n <= total; n += 1) await next(page, n);
    expect(await downloadHar(page)).toEqual(direct);
    await expect(page).toHaveURL(
      new RegExp(`scenario=happy-path&step=${total}$`),
    );

    await back(page, total - 1);
    await back(page, total - 2);
    await back(page, total - 3);
    const midText = await shownExchangeText(page);
    const mid = await downloadHar(page);
    await expect(page).toHaveURL(new RegExp(`step=${total - 3}$`));
    for (let n = total - 2; n <= total; n += 1) await next(page, n);
    expect(await downloadHar(page)).toEqual(direct);

    await openSimulator(page, `scenario=happy-path&step=${total - 3}`);
    await expect(simRoot(page)).toHaveAttribute(
      'data-cursor',
      String(total - 3),
    );
    expect(await shownExchangeText(page)).toEqual(midText);
    expect(await downloadHar(page)).toEqual(mid);

    await openSimulator(page, `scenario=happy-path&step=${total}`);
    expect(await downloadHar(page)).toEqual(direct);
    expect(consoleErrors).toEqual([]);
  });

  test('the HAR download is HAR 1.2 and holds every exchange of the run', async ({
    page,
  }) => {
    await openSimulator(page, 'scenario=token-exchange');
    await runToEnd(page);
    const har = await downloadHar(page);
    const count = Number(
      await simRoot(page).getAttribute('data-exchange-count'),
    );
    expect(count).toBeGreaterThan(5);
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBeTruthy();
    expect(har.log.creator.version).toBeTruthy();
    expect(har.log.entries).toHaveLength(count);
    for (const entry of har.log.entries) {
      expect(Date.parse(entry.startedDateTime)).not.toBeNaN();
      expect(entry.time).toBeGreaterThanOrEqual(0);
      expect(entry.request).toMatchObject({
        method: expect.any(String),
        url: expect.stringMatching(/^https?:\/\//),
        httpVersion: expect.any(String),
        headers: expect.any(Array),
        queryString: expect.any(Array),
        cookies: expect.any(Array),
        headersSize: expect.any(Number),
        bodySize: expect.any(Number),
      });
      expect(entry.response).toMatchObject({
        status: expect.any(Number),
        statusText: expect.any(String),
        httpVersion: expect.any(String),
        headers: expect.any(Array),
        cookies: expect.any(Array),
        content: {
          size: expect.any(Number),
          mimeType: expect.any(String),
          text: expect.any(String),
        },
        redirectURL: expect.any(String),
        headersSize: expect.any(Number),
        bodySize: expect.any(Number),
      });
      expect(entry.cache).toEqual({});
      expect(entry.timings).toMatchObject({
        send: expect.any(Number),
        wait: expect.any(Number),
        receive: expect.any(Number),
      });
    }
    // Copy transcript (Markdown) and Copy as curl put text on the clipboard.
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.getByRole('button', { name: 'Copy transcript' }).click();
    await expect(
      page.getByText('Transcript copied as Markdown.'),
    ).toBeVisible();
    const markdown = await clipboard();
    expect(markdown).toContain('# Simulator transcript: Token exchange');
    expect(markdown.match(/^#### x\d+/gm)).toHaveLength(count);
    const last = har.log.entries[count - 1];
    await page
      .getByRole('button', { name: /^Copy exchange \d+ as curl$/ })
      .last()
      .click();
    expect(await clipboard()).toContain(
      `curl -X POST '${last?.request.url ?? ''}'`,
    );

    // The token exchange at the authorization server is in the log.
    expect(
      har.log.entries.some(
        (e) =>
          e.request.postData?.params?.some(
            (p) =>
              p.name === 'grant_type' &&
              p.value === 'urn:ietf:params:oauth:grant-type:token-exchange',
          ) ?? false,
      ),
    ).toBe(true);
  });
});

test.describe('hands-on controls', () => {
  test('Cedar: a syntax error shows Cedar’s message; a broader policy permits the call', async ({
    page,
  }) => {
    await openSimulator(page, 'scenario=cedar-deny');
    await runToEnd(page);
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'failure');
    await page
      .getByText('Change the setup: Cedar policy and backend mode')
      .click();
    await expect(page.getByTestId('sim-cedar-decision')).toContainText('deny');
    await expect(page.getByTestId('sim-cedar-tools')).toContainText('echo');
    await expect(page.getByTestId('sim-cedar-tools')).not.toContainText(
      'delete_records',
    );

    const policy = page.getByLabel('Policy ToolHive evaluates');
    const original = await policy.inputValue();
    await policy.fill('permit (principal, action resource);');
    await page.getByRole('button', { name: 'Apply policy and re-run' }).click();
    await expect(page.getByTestId('sim-policy-error')).toBeVisible();
    await expect(page.getByTestId('sim-policy-error')).toContainText(
      /unexpected|expected/i,
    );

    await policy.fill(`${original}\npermit (principal, action, resource);\n`);
    await page.getByRole('button', { name: 'Apply policy and re-run' }).click();
    await expect(page.getByTestId('sim-policy-error')).toHaveCount(0);
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'success');
    await waitIdle(page);
    await expect(page.getByTestId('sim-cedar-decision')).toContainText(
      'permit',
    );
    await expect(page.getByTestId('sim-cedar-tools')).toContainText(
      'delete_records',
    );
  });

  test('the backend mode switch changes what the backend receives', async ({
    page,
  }) => {
    await openSimulator(page, 'scenario=happy-path');
    await runToEnd(page);
    await page
      .getByText('Change the setup: Cedar policy and backend mode')
      .click();
    const received = page.getByTestId('sim-backend-received');
    await expect(received).toContainText('Authorization: Bearer ');
    const passthrough = await received.textContent();

    await page.getByRole('radio', { name: /Strip Authorization/ }).click();
    await expect(received).toContainText('no Authorization header');
    await expect(page).toHaveURL(/mode=strip-auth/);
    await expect(simRoot(page)).toHaveAttribute('data-finished', 'true');

    await page.getByRole('radio', { name: /Token exchange/ }).click();
    await expect(received).toContainText('Authorization: Bearer ');
    await expect(received).not.toHaveText(passthrough ?? '');
    await expect(page).toHaveURL(/mode=token-exchange/);
  });

  test('side by side makes the same clock moves as the run on screen', async ({
    page,
    consoleErrors,
  }) => {
    const expOf = (testId: string) =>
      page.getByTestId(testId).locator('dt:text-is("exp") + dd');
    // Passthrough on screen, the clock moved 30 minutes before the first step:
    // the backend receives the client's token, issued 30 minutes later.
    await openSimulator(
      page,
      'scenario=token-exchange&mode=passthrough&clock=0:1800',
    );
    await runToEnd(page);
    const direct = (await expOf('sim-backend-card').textContent()) ?? '';
    expect(direct).toMatch(/\d/);

    // Token exchange on screen with the same move, passthrough beside it.
    await openSimulator(page, 'scenario=token-exchange&clock=0:1800');
    await runToEnd(page);
    const compare = page.getByTestId('sim-backend-compare');
    await compare.getByRole('combobox').selectOption('passthrough');
    await compare.getByRole('button', { name: 'Show side by side' }).click();
    await expect(expOf('sim-backend-compare-result')).toHaveText(direct);
    expect(consoleErrors).toEqual([]);
  });

  test('the clock moves and a token expires on it', async ({ page }) => {
    await openSimulator(page, 'scenario=happy-path&step=7');
    const clock = page.getByTestId('sim-clock');
    await expect(clock).toContainText('2026-01-15 09:00');
    await page
      .getByRole('button', { name: 'Advance the clock by 1 hour' })
      .click();
    await waitIdle(page);
    await expect(clock).toContainText('2026-01-15 10:0');
    await page
      .getByRole('button', { name: 'Advance the clock by 15 minutes' })
      .click();
    await waitIdle(page);
    await next(page, 8);
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'failure');
    await expect(
      stepDetail(page).locator(
        '[data-check-id="exp"][data-check-status="fail"]',
      ),
    ).toHaveCount(1);

    // The clock moves are part of the link, so it restores this exact state.
    await expect(page).toHaveURL(/step=8&clock=7:3600,7:900$/);
    const har = await downloadHar(page);
    await openSimulator(page, 'scenario=happy-path&step=8&clock=7:3600,7:900');
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'failure');
    expect(await downloadHar(page)).toEqual(har);
    await back(page, 7);
    await expect(page).toHaveURL(/step=7&clock=7:3600,7:900$/);
    await expect(clock).toContainText('2026-01-15 10:15');
  });
});

function base64url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

const XSS_CORPUS = [
  '<img src=x onerror="window.__xss=1">',
  '"><script>window.__xss=1</script>',
  "javascript:window.__xss=1//'",
  '<svg/onload=window.__xss=1>',
  `${base64url('{"alg":"<img src=x onerror=window.__xss=1>","kid":"</pre><b>k</b>"}')}.${base64url(
    '{"sub":"<script>window.__xss=1</script>","iss":"<a href=javascript:alert(1)>x</a>"}',
  )}.c2ln`,
  `${base64url('{"alg":"RS256","typ":"JWT"}')}.${base64url('{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}')}.AA`,
  '\u202e\u0000eyJ.eyJ.\ufeff',
];

test('paste your own token: text only, no network request', async ({
  page,
  consoleErrors,
}) => {
  await openSimulator(page, 'scenario=happy-path');
  // Cedar's download starts at the first idle moment after the simulator
  // starts (within a second); on a slow machine it came after the listener
  // below was attached. Wait for it, so the check sees only what pasting does.
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .some((e) => new URL(e.name).pathname.endsWith('.wasm')),
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  await page.getByText('Check your own token').first().click();
  const input = page.getByLabel('Token (JWT or opaque string)');
  const result = page.getByTestId('sim-paste-result');
  await expect(
    page.getByText('Your token never leaves this page'),
  ).toBeVisible();

  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  for (const payload of XSS_CORPUS) {
    await input.fill(payload);
    await page.getByRole('button', { name: 'Check token' }).click();
    await expect(result).toContainText(/ToolHive would (accept|reject) it/);
    expect(
      await page.evaluate(() => (window as { __xss?: number }).__xss),
    ).toBeUndefined();
    await expect(
      result.locator('img, script, svg, b, a[href^="javascript"]'),
    ).toHaveCount(0);
  }
  // The decoded parts of the last JWT-shaped payload show as literal text.
  await input.fill(XSS_CORPUS[4] ?? '');
  await page.getByRole('button', { name: 'Check token' }).click();
  await expect(
    result.locator('[data-exchange-part="token-header"]'),
  ).toContainText('<img src=x onerror=window.__xss=1>');
  await expect(
    result.locator('[data-exchange-part="token-claims"]'),
  ).toContainText('<script>window.__xss=1</script>');
  expect(
    await page.evaluate(() =>
      Object.prototype.hasOwnProperty.call({}, 'polluted'),
    ),
  ).toBe(false);
  expect(requests).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('keyboard only: the happy path with Tab, Enter and shortcuts', async ({
  page,
}) => {
  await openSimulator(page, 'scenario=happy-path');
  const nextButton = control(page, 'Next');
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await nextButton.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(nextButton).toBeFocused();
  const total = await page.getByTestId('sim-steps').locator('li').count();
  for (let n = 1; n <= total; n += 1) {
    await page.keyboard.press('Enter');
    await expect(simRoot(page)).toHaveAttribute('data-cursor', String(n));
    await waitIdle(page);
    await expect(nextButton).toBeFocused();
    await expect(page.getByTestId('sim-live')).toContainText(
      `Step ${n} of ${total}`,
    );
  }
  await expect(simRoot(page)).toHaveAttribute('data-outcome', 'success');
  await expect(nextButton).toHaveAttribute('aria-disabled', 'true');

  await page.keyboard.press('b');
  await expect(simRoot(page)).toHaveAttribute('data-cursor', String(total - 1));
  await waitIdle(page);
  await page.keyboard.press('r');
  await expect(simRoot(page)).toHaveAttribute('data-cursor', '0');
  await waitIdle(page);

  // Typing in a text field never steps the simulation.
  await page.getByText('Check your own token').first().click();
  await page.getByLabel('Token (JWT or opaque string)').focus();
  await page.keyboard.type('nbre');
  await expect(simRoot(page)).toHaveAttribute('data-cursor', '0');

  await nextButton.focus();
  await page.keyboard.press('e');
  await expect(simRoot(page)).toHaveAttribute('data-finished', 'true');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('Tab onto a control under the bottom bar scrolls it clear of the bar', async ({
    page,
  }) => {
    await openSimulator(page, 'scenario=happy-path');
    await runToEnd(page);
    const bar = page.locator('[data-sim-bottom-bar]');
    await expect(bar).toBeVisible();
    // Two neighbours in tab order from the step list, the second one parked
    // just under the bar's top edge, the first focused without scrolling.
    const buttons = page.getByTestId('sim-steps').getByRole('button');
    await expect(buttons.nth(4)).toBeVisible();
    const placed = await buttons.evaluateAll((nodes) => {
      const [before, target] = [nodes[3], nodes[4]] as HTMLElement[];
      const barTop = document
        .querySelector('[data-sim-bottom-bar]')
        ?.getBoundingClientRect().top;
      if (!before || !target || barTop === undefined) return null;
      window.scrollBy(0, target.getBoundingClientRect().top - (barTop + 4));
      before.focus({ preventScroll: true });
      const box = target.getBoundingClientRect();
      return { top: box.top, barTop };
    });
    expect(placed, 'the step list has two neighbouring buttons').not.toBeNull();
    if (!placed) return;
    expect(placed.top, 'parked under the bar').toBeGreaterThan(placed.barTop);
    await page.keyboard.press('Tab');
    await expect(buttons.nth(4)).toBeFocused();
    await expectInView(page, buttons.nth(4));
  });
});

test('without WebCrypto the simulator says why it cannot run', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(globalThis.crypto, 'subtle', {
      get: () => undefined,
    });
  });
  await page.goto('simulator');
  await expect(page.getByRole('alert')).toContainText('needs WebCrypto');
});

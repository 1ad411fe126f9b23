import type { Page } from '@playwright/test';
import {
  test,
  expect,
  axeViolations,
  waitForHydration,
} from './support/fixtures';
import {
  downloadHar,
  openSimulator,
  runToEnd,
  simRoot,
  stepDetail,
  waitIdle,
} from './simulator-helpers';

const CONCEPT = 'concepts/auth-framework';

function revisionRadio(page: Page, revision: string) {
  return page
    .getByRole('group', { name: 'Spec revision' })
    .getByRole('radio', { name: new RegExp(`^${revision}`) });
}

/** Chooses a revision and waits until the scenario has re-run under it. */
async function switchRevision(page: Page, revision: string): Promise<void> {
  await revisionRadio(page, revision).check();
  await expect(simRoot(page)).toHaveAttribute('data-revision', revision);
  await waitIdle(page);
}

function step(page: Page, id: string) {
  return page.getByTestId('sim-steps').locator(`[data-step-id="${id}"]`);
}

test.describe('the spec revision switch on /simulator', () => {
  test('mix-up succeeds under 2025-11-25 and fails on iss under 2026-07-28', async ({
    page,
    consoleErrors,
  }) => {
    await openSimulator(page, 'scenario=mix-up');
    await expect(simRoot(page)).toHaveAttribute('data-revision', '2025-11-25');
    await expect(revisionRadio(page, '2025-11-25')).toBeChecked();
    await runToEnd(page);
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'success');
    // The default revision stays out of the URL. The simulator rewrites the
    // address when the page is idle: wait for the run's step to be in it,
    // and retry the checks that rev= has gone.
    await expect(page).toHaveURL(/[?&]step=\d+/);
    await expect(page).not.toHaveURL(/[?&]rev=/);

    await switchRevision(page, '2026-07-28');
    await expect(revisionRadio(page, '2026-07-28')).toBeChecked();
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'failure');
    await expect(step(page, 'authorize')).toHaveAttribute(
      'data-step-status',
      'failed',
    );
    await expect(page).toHaveURL(/[?&]rev=2026-07-28(&|$)/);
    await expect(stepDetail(page)).toHaveAttribute(
      'data-sim-step-id',
      'authorize',
    );
    const detail = stepDetail(page);
    await expect(detail.getByText('Rejected, as expected')).toBeVisible();
    await expect(detail).toContainText('attacker.example.net');
    await expect(page.getByTestId('sim-scenario-description')).toContainText(
      'Expected: rejected',
    );
    // The exported run says which revision it followed.
    expect((await downloadHar(page)).log.pages?.[0]?.comment).toBe(
      'MCP specification revision 2026-07-28',
    );

    // And back: the same run succeeds again, and rev= leaves the URL.
    await switchRevision(page, '2025-11-25');
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'success');
    await expect(page).not.toHaveURL(/[?&]rev=/);
    expect((await downloadHar(page)).log.pages?.[0]?.comment).toBe(
      'MCP specification revision 2025-11-25',
    );
    expect(consoleErrors).toEqual([]);
  });

  test('a deep link with rev= restores the revision, the marker and the sentence', async ({
    page,
  }) => {
    await openSimulator(page, 'scenario=mix-up&step=5&rev=2026-07-28');
    await expect(simRoot(page)).toHaveAttribute('data-revision', '2026-07-28');
    await expect(revisionRadio(page, '2026-07-28')).toBeChecked();
    await expect(simRoot(page)).toHaveAttribute('data-cursor', '5');

    // The step list marks the steps that differ, with a text alternative.
    const authorize = step(page, 'authorize');
    await expect(authorize).toHaveAttribute('data-step-differs', 'true');
    await expect(authorize.getByRole('button')).toHaveAccessibleName(
      /differs under 2025-11-25/,
    );
    await expect(authorize).toContainText('≠');
    await expect(step(page, 'exchange_code')).not.toHaveAttribute(
      'data-step-differs',
      'true',
    );

    // The shown step says what the other revision does, with its anchor.
    const note = page.getByTestId('sim-revision-note');
    await expect(note).toContainText('Differs under 2025-11-25.');
    await expect(note).toContainText('does not record the issuer');
    await expect(note.getByRole('link')).toHaveAttribute(
      'href',
      /specification\/2026-07-28\/.*#authorization-response-validation/,
    );

    // A step that is the same under both revisions has no note.
    await step(page, 'fetch_resource_metadata').getByRole('button').click();
    await expect(stepDetail(page)).toHaveAttribute(
      'data-sim-step-id',
      'fetch_resource_metadata',
    );
    await expect(page.getByTestId('sim-revision-note')).toHaveCount(0);
  });

  test('an unknown rev= is ignored and the default revision runs', async ({
    page,
  }) => {
    await openSimulator(page, 'scenario=credentials-other-as&rev=2099-01-01');
    await expect(simRoot(page)).toHaveAttribute('data-revision', '2025-11-25');
    await runToEnd(page);
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'failure');
    await expect(page).not.toHaveURL(/[?&]rev=/);
    await switchRevision(page, '2026-07-28');
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'success');
  });

  for (const mode of ['light', 'dark'] as const) {
    test(`axe finds nothing with the 2026-07-28 revision and a note shown, ${mode} mode`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: mode });
      await openSimulator(page, 'scenario=mix-up&step=5&rev=2026-07-28');
      await expect(page.locator('html')).toHaveAttribute('data-theme', mode);
      await expect(page.getByTestId('sim-revision-note')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  }
});

test.describe('the spec revision in the embedded simulator', () => {
  test('switching writes sim-rev= to the hash, and a sim-rev= link restores it', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto(`${CONCEPT}#sim-scenario=mix-up&sim-step=5`);
    await waitForHydration(page);
    await expect(simRoot(page)).toHaveAttribute('data-cursor', '5', {
      timeout: 20_000,
    });
    await waitIdle(page);
    await expect(simRoot(page)).toHaveAttribute('data-revision', '2025-11-25');
    await switchRevision(page, '2026-07-28');
    await expect(page).toHaveURL(/#.*sim-rev=2026-07-28/);
    // The query string belongs to the docs site and stays free of rev=.
    expect(new URL(page.url()).search).toBe('');
    await expect(step(page, 'authorize')).toHaveAttribute(
      'data-step-status',
      'failed',
    );
    expect(await axeViolations(page, '[data-simulator]')).toEqual([]);

    // A fresh load of a sim-rev= link restores the revision. Leave the page
    // first: a hash change alone would start a run on this page, and a reload
    // in the middle of it abandons that run's requests.
    await waitIdle(page);
    await page.goto('about:blank');
    await page.goto(
      `${CONCEPT}#sim-scenario=credentials-other-as&sim-step=4&sim-rev=2026-07-28`,
    );
    await waitForHydration(page);
    await expect(simRoot(page)).toHaveAttribute(
      'data-scenario',
      'credentials-other-as',
      {
        timeout: 20_000,
      },
    );
    await expect(simRoot(page)).toHaveAttribute('data-revision', '2026-07-28');
    await expect(revisionRadio(page, '2026-07-28')).toBeChecked();
    await expect(page.getByTestId('sim-revision-note')).toContainText(
      'Differs under 2025-11-25.',
    );

    // Following a link without sim-rev= goes back to the default revision.
    await page.evaluate(() => {
      window.location.hash = 'sim-scenario=mix-up&sim-step=7';
    });
    await expect(simRoot(page)).toHaveAttribute('data-scenario', 'mix-up');
    await expect(simRoot(page)).toHaveAttribute('data-revision', '2025-11-25');
    await waitIdle(page);
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'success');

    // A link that names only a revision keeps the scenario on screen.
    await page.evaluate(() => {
      window.location.hash = 'sim-rev=2026-07-28&sim-step=7';
    });
    await expect(simRoot(page)).toHaveAttribute('data-revision', '2026-07-28');
    await expect(simRoot(page)).toHaveAttribute('data-scenario', 'mix-up');
    await waitIdle(page);
    await expect(simRoot(page)).toHaveAttribute('data-outcome', 'failure');

    // And a fresh load of such a link opens the simulator, on the page's
    // scenario, without a Start click.
    await page.goto('about:blank');
    await page.goto(`${CONCEPT}#sim-rev=2026-07-28`);
    await waitForHydration(page);
    await expect(simRoot(page)).toHaveAttribute('data-revision', '2026-07-28', {
      timeout: 20_000,
    });
    await expect(simRoot(page)).toHaveAttribute('data-scenario', 'happy-path');
    await expect(revisionRadio(page, '2026-07-28')).toBeChecked();
    await waitIdle(page);
    expect(consoleErrors).toEqual([]);
  });
});

test('the reference links to the simulator under 2026-07-28', async ({
  page,
}) => {
  await page.goto('reference/authorization');
  await waitForHydration(page);
  const link = page.getByRole('link', {
    name: 'The authorization response of a mix-up attack',
  });
  await expect(link).toHaveAttribute(
    'href',
    /\/simulator\?scenario=mix-up&step=5&rev=2026-07-28$/,
  );
  await link.click();
  await waitForHydration(page);
  await expect(simRoot(page)).toHaveAttribute('data-revision', '2026-07-28', {
    timeout: 20_000,
  });
  await expect(simRoot(page)).toHaveAttribute('data-cursor', '5');
  await expect(step(page, 'authorize')).toHaveAttribute(
    'data-step-status',
    'failed',
  );
});

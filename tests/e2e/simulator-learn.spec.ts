/**
 * The four newcomer tasks of issue 15, at 1280 and 375 px, light and dark:
 * after the step runs, each answer is inside the viewport (between the
 * navbar and, on a phone, the bottom bar) without any scrolling by the test.
 * Also: axe finds nothing, and the run diagram's labels are at least 12 px
 * with 4.5:1 contrast. Screenshots go to SHOTS_DIR when it is set.
 */
import type { Page } from '@playwright/test';
import {
  axeViolations,
  expect,
  test,
  waitForHydration,
  type ColorMode,
} from './support/fixtures';
import { expectInView, simRoot, waitIdle } from './simulator-helpers';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 740 },
] as const;
const MODES: ColorMode[] = ['light', 'dark'];

async function open(page: Page, query: string, mode: ColorMode): Promise<void> {
  await page.emulateMedia({ colorScheme: mode });
  await page.goto(`simulator?${query}`);
  await waitForHydration(page);
  await expect(simRoot(page)).toHaveAttribute('data-cursor', /^\d+$/, {
    timeout: 20_000,
  });
  await waitIdle(page);
}

/** Next from the controls at hand: the bottom bar on a phone. */
async function next(page: Page, phone: boolean, cursor: number): Promise<void> {
  const group = phone ? 'Quick navigation' : 'Step controls';
  await page
    .getByRole('group', { name: group })
    .getByRole('button', { name: 'Next', exact: true })
    .click();
  await expect(simRoot(page)).toHaveAttribute('data-cursor', String(cursor));
  await waitIdle(page);
}

async function runToEnd(page: Page): Promise<void> {
  await page
    .getByRole('group', { name: 'Step controls' })
    .getByRole('button', { name: 'Run to end', exact: true })
    .click();
  await expect(simRoot(page)).toHaveAttribute('data-finished', 'true', {
    timeout: 30_000,
  });
  await waitIdle(page);
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png` });
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await axeViolations(page, '[data-simulator]')).toEqual([]);
}

for (const size of SIZES) {
  for (const mode of MODES) {
    const phone = size.width < 900;
    const tag = `${size.name}-${mode}`;
    test.describe(`${size.width} px, ${mode}`, () => {
      test.use({ viewport: { width: size.width, height: size.height } });

      test('why does "Token for another server" fail? both aud values on screen, and the run diagram shows it', async ({
        page,
      }) => {
        await open(page, 'scenario=wrong-audience', mode);
        await runToEnd(page);
        const card = page.getByTestId('sim-failed-check');
        await expect(card).toHaveAttribute('data-check-id', 'aud');
        const expected = card.locator('[data-compare="expected"]');
        const actual = card.locator('[data-compare="actual"]');
        await expect(expected).toHaveText('https://mcp.example.com/mcp');
        await expect(actual).toHaveText('https://other-mcp.example.com/mcp');
        await expectInView(page, expected);
        await expectInView(page, actual);
        await expect(page.getByTestId('sim-outcome')).toContainText(
          'Rejected, as expected',
        );
        await shot(page, `task1-wrong-audience-${tag}`);
        await expectAxeClean(page);

        // The same run's diagram: labels of 12 px or more at 4.5:1, and its
        // arrows open their exchanges.
        const diagram = page.getByTestId('sim-run-diagram');
        await diagram.scrollIntoViewIfNeeded();
        const labels = await diagram
          .locator('svg text')
          .evaluateAll((nodes) => {
            const rgb = (c: string): number[] =>
              (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
            const lum = (c: number[]): number => {
              const [r, g, b] = c.map((v) => {
                const s = v / 255;
                return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
              });
              return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
            };
            return nodes.map((n) => {
              let bg = 'rgb(255, 255, 255)';
              for (let e: Element | null = n; e; e = e.parentElement) {
                const c = getComputedStyle(e).backgroundColor;
                if (
                  c &&
                  !c.startsWith('rgba(0, 0, 0, 0)') &&
                  c !== 'transparent'
                ) {
                  bg = c;
                  break;
                }
              }
              const style = getComputedStyle(n);
              const a = lum(rgb(style.fill));
              const b = lum(rgb(bg));
              const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              return {
                text: n.textContent,
                size: parseFloat(style.fontSize),
                ratio,
              };
            });
          });
        expect(labels.length).toBeGreaterThan(10);
        for (const l of labels) {
          expect(l.size, `${l.text} font size`).toBeGreaterThanOrEqual(12);
          expect(l.ratio, `${l.text} contrast`).toBeGreaterThanOrEqual(4.5);
        }
        // Failures have their own shape, not only a colour.
        const failed = diagram.locator('[data-look="failed"]');
        await expect(failed).toHaveCount(1);
        await expect(failed.locator('path')).toHaveCount(1);
        // The diagram fits or says it scrolls.
        const fits = await diagram
          .getByRole('region')
          .evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
        if (!fits)
          await expect(page.getByTestId('sim-diagram-hint')).toBeVisible();
        // Clicking an arrow opens that exchange, in its own step.
        await diagram.locator('[data-arrow="x6"]').click();
        await expect(page.getByTestId('sim-step-detail')).toHaveAttribute(
          'data-sim-step-id',
          'exchange_code',
        );
        await expect(page.locator('#sim-exchange-x6')).toBeFocused();
        await expectAxeClean(page);
      });

      test('the exact 401 header after one Next, with no red fail', async ({
        page,
      }) => {
        await open(page, 'scenario=happy-path', mode);
        await next(page, phone, 1);
        const header = page
          .getByTestId('sim-deciding-response')
          .locator('[data-line]', { hasText: /^www-authenticate: Bearer / });
        await expect(header).toContainText('resource_metadata=');
        await expectInView(page, header);
        const detail = page.getByTestId('sim-step-detail');
        await expect(detail).toHaveAttribute('data-sim-step-status', 'done');
        // The refused Authorization check reads as expected, never as a fail.
        await expect(detail.getByText(/^fail(ed)?$/)).toHaveCount(0);
        await expect(page.getByTestId('sim-outcome')).toHaveAttribute(
          'data-outcome-kind',
          'expected-error',
        );
        await shot(page, `task2-401-header-${tag}`);
        await expectAxeClean(page);
      });

      test('what the backend received: decoded, and two modes side by side', async ({
        page,
      }) => {
        await open(page, 'scenario=token-exchange', mode);
        await runToEnd(page);
        const card = page.getByTestId('sim-backend-received-card');
        await expect(card).toContainText('https://backend.example.com/mcp');
        await expectInView(page, card);
        await shot(page, `task3-backend-received-${tag}`);

        const compare = page.getByTestId('sim-backend-compare');
        await compare.getByRole('combobox').selectOption('passthrough');
        const button = compare.getByRole('button', {
          name: 'Show side by side',
        });
        // One scroll to the comparison; nothing moves after the click.
        await compare.scrollIntoViewIfNeeded();
        const before = await button.boundingBox();
        await button.click();
        const other = page.getByTestId('sim-backend-compare-result');
        await expect(other).toContainText('https://mcp.example.com/mcp');
        expect(await button.boundingBox(), 'the button did not move').toEqual(
          before,
        );
        await expectInView(page, other);
        await expectInView(page, page.getByTestId('sim-backend-card'));
        await shot(page, `task3-side-by-side-${tag}`);
        await expectAxeClean(page);
      });

      test('turn a Cedar deny into an allow beside the decision', async ({
        page,
      }) => {
        await open(page, 'scenario=cedar-deny', mode);
        await runToEnd(page);
        const panel = page.getByTestId('sim-cedar-panel');
        await expect(panel.getByTestId('sim-cedar-claims')).toContainText(
          'claim_roles',
        );
        const policy = panel.getByLabel('Policy ToolHive evaluates');
        await policy.scrollIntoViewIfNeeded();
        const original = await policy.inputValue();
        const apply = panel.getByRole('button', {
          name: 'Apply policy and re-run',
        });

        // A syntax error names its line and clears the old decision.
        await policy.fill(
          `${original}\npermit (principal, action resource);\n`,
        );
        await apply.click();
        await expect(panel.getByTestId('sim-policy-error')).toContainText(
          /line \d+/,
        );
        await expect(panel.getByTestId('sim-cedar-decision')).toContainText(
          'does not parse',
        );

        await policy.fill(
          original.replace('contains("admin")', 'contains("developer")'),
        );
        // The reader scrolls to Apply once; the decision appears beside it.
        await panel.getByTestId('sim-cedar-decision').scrollIntoViewIfNeeded();
        const before = await apply.boundingBox();
        await apply.click();
        await expect(simRoot(page)).toHaveAttribute('data-outcome', 'success');
        await waitIdle(page);
        const decision = panel.getByTestId('sim-cedar-decision');
        await expect(decision).toContainText('permit');
        await expect(
          panel.locator('[data-policy="policy1"][data-matched="true"]'),
        ).toHaveCount(1);
        const after = await apply.boundingBox();
        expect(Math.abs((after?.y ?? 0) - (before?.y ?? 0))).toBeLessThan(2);
        await expectInView(page, decision);
        await expect(page.getByTestId('sim-modified')).toBeVisible();
        await shot(page, `task4-cedar-allow-${tag}`);
        await expectAxeClean(page);
      });
    });
  }
}

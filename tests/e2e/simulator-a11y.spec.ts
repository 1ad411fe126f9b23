import { mkdir } from 'node:fs/promises';
import {
  test,
  expect,
  gotoInMode,
  axeViolations,
  type ColorMode,
} from './support/fixtures';
import {
  next,
  openAllDetails,
  openSimulator,
  runToEnd,
  simRoot,
  waitIdle,
} from './simulator-helpers';

// /simulator is scanned whole once, with the simulator loaded and every panel
// open; on the concept page only the embed is, since the prose around it does
// not change when the simulator loads and a11y-all-pages.spec.ts scans the
// whole page in both modes (a full scan of this long page takes over 10 s on
// a 2-core machine). After each step the parts a step changes (step list and
// details) are scanned again, on /simulator only: the embed renders the same
// components with the same styles, so scanning them again there would repeat
// the same states.
const STEP_PARTS = '[data-testid="sim-step-detail"], [data-testid="sim-steps"]';

const PAGES = [
  {
    name: '/simulator',
    path: 'simulator?scenario=happy-path',
    scan: undefined,
    eachStep: true,
  },
  {
    name: 'the concept page',
    path: 'concepts/auth-framework#sim-scenario=happy-path&sim-step=0',
    scan: '[data-simulator-embed]',
    eachStep: false,
  },
] as const;

test.describe('accessibility', () => {
  test.describe.configure({ mode: 'parallel' });

  for (const mode of ['light', 'dark'] as ColorMode[]) {
    for (const target of PAGES) {
      test(`axe finds nothing on ${target.name}${target.eachStep ? ' after each happy-path step' : ' with the simulator loaded'} in ${mode} mode`, async ({
        page,
      }) => {
        test.setTimeout(180_000);
        await gotoInMode(page, target.path, mode);
        await expect(simRoot(page)).toHaveAttribute('data-cursor', '0', {
          timeout: 20_000,
        });
        await waitIdle(page);
        await openAllDetails(page);
        expect(await axeViolations(page, target.scan)).toEqual([]);
        if (!target.eachStep) return;
        const total = await page.getByTestId('sim-steps').locator('li').count();
        for (let n = 1; n <= total; n += 1) {
          await next(page, n);
          await openAllDetails(page);
          expect(
            await axeViolations(page, STEP_PARTS),
            `after step ${n}`,
          ).toEqual([]);
        }
      });
    }
  }
});

test.describe('screenshots (checked by eye; saved under test-results/)', () => {
  test.describe.configure({ mode: 'parallel' });

  for (const width of [1280, 375]) {
    for (const mode of ['light', 'dark'] as ColorMode[]) {
      test(`the simulator at ${width} px in ${mode} mode has nothing cut off`, async ({
        page,
      }) => {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme: mode });
        await openSimulator(page, 'scenario=cedar-deny');
        await runToEnd(page);
        await openAllDetails(page);
        // Nothing is wider than the viewport.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        const box = await simRoot(page).boundingBox();
        expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
        await mkdir('test-results/simulator', { recursive: true });
        await page.screenshot({
          path: `test-results/simulator/simulator-${width}-${mode}.png`,
          fullPage: true,
        });
      });
    }
  }
});

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, waitForHydration } from './support/fixtures';
import {
  parseBindings,
  type ExampleBinding,
} from '../../src/verified-examples/bindings';
import { compareExample } from '../../src/verified-examples/compare';
import { scenarioStep } from './simulator-helpers';
import { docPages } from './support/doc-pages';
import {
  DEFAULT_REVISION,
  type SpecRevision,
} from '../../src/simulator/engine/types';
import { scenarioRow } from '../../src/simulator/scenarios/scenarios';

/**
 * Every verified example on the doc pages equals what the live simulator
 * renders in the browser for the same scenario, step and exchange part. The
 * examples are read from the static HTML with JavaScript off, so the test
 * also proves they are readable without it.
 */
const PAGES = docPages().filter(
  (p) => parseBindings(readFileSync(p.file, 'utf8')).length > 0,
);

test('finds every doc page with verified examples', () => {
  expect(PAGES.map((p) => p.url)).toEqual(
    expect.arrayContaining([
      'concepts/auth-framework',
      'concepts/backend-auth',
      'reference/authorization',
    ]),
  );
});

/** A Docusaurus code block's text: one `.token-line` per source line. */
async function codeBlockText(page: Page, css: string): Promise<string> {
  return page
    .locator(css)
    .evaluate((pre) =>
      [...pre.querySelectorAll('.token-line')]
        .map((line) => line.textContent ?? '')
        .join('\n'),
    );
}

function selector(b: ExampleBinding): string {
  const request = b.request
    ? `[data-request="${b.request}"]`
    : ':not([data-request])';
  return `[data-verified-example][data-scenario="${b.scenario}"][data-revision="${b.revision}"][data-step="${b.step}"]${request}[data-index="${b.index}"][data-part="${b.part}"] pre`;
}

/** The text of one part of the current step, as the simulator shows it. */
async function simulatorPart(page: Page, b: ExampleBinding): Promise<string> {
  if (b.part === 'cedar-policy') {
    // The editor sits in a collapsed <details>; its value is there all the same.
    return page
      .locator('section[aria-label="Cedar policy"] textarea')
      .inputValue();
  }
  const detail = page.getByTestId('sim-step-detail');
  if (b.part === 'token-header' || b.part === 'token-claims') {
    const tokens = detail.locator(`[data-exchange-part="${b.part}"]`);
    return (await tokens.nth(b.index).innerText()).trimEnd();
  }
  // Exchanges of the step in order; with `request`, only those whose
  // heading (`Exchange N: METHOD URL -> status`) starts with it.
  const articles = detail.locator('article[data-exchange]');
  const headings = await articles.evaluateAll((items) =>
    items.map((item) =>
      (item.querySelector('h4')?.textContent ?? '').replace(
        /^Exchange \d+:\s*/,
        '',
      ),
    ),
  );
  const matching = headings.flatMap((heading, i) =>
    !b.request || heading.startsWith(b.request) ? [i] : [],
  );
  const exchange = articles.nth(matching[b.index] ?? headings.length);
  await expect(exchange).toBeVisible();
  const text = async (part: string): Promise<string> => {
    const block = exchange.locator(`[data-exchange-part="${part}"]`);
    return (await block.count()) > 0
      ? (await block.first().innerText()).trimEnd()
      : '';
  };
  const join = (head: string, body: string): string =>
    body === '' ? head : `${head}\n\n${body}`;
  switch (b.part) {
    case 'request':
    case 'request-body':
    case 'response':
    case 'response-body':
      return text(b.part);
    case 'request-full':
      return join(await text('request'), await text('request-body'));
    case 'response-full':
      return join(await text('response'), await text('response-body'));
    case 'request-url': {
      // The request line carries the path; Host carries the authority.
      const head = await text('request');
      const [line = '', ...headers] = head.split('\n');
      const target = line.split(' ')[1] ?? '';
      const host =
        headers.find((h) => /^host:/i.test(h))?.replace(/^host:\s*/i, '') ?? '';
      return `https://${host}${target}`;
    }
  }
}

/**
 * Deep-links the simulator to the last step a run's examples are bound to,
 * views each bound step in turn and returns how each example differs from
 * what the simulator shows (nothing when all are equal).
 */
async function compareRun(
  page: Page,
  file: string,
  examples: Map<ExampleBinding, string>,
  scenario: string,
  revision: SpecRevision,
): Promise<string[]> {
  const mine = [...examples.keys()].filter(
    (b) => b.scenario === scenario && b.revision === revision,
  );
  const stepIds: string[] = [...(scenarioRow(scenario)?.steps ?? [])];
  const failures: string[] = [];
  if (stepIds.length === 0) return [`${file}: no scenario ${scenario}`];
  const positions = mine.map((b) => stepIds.indexOf(b.step));
  for (const [i, b] of mine.entries()) {
    if ((positions[i] ?? -1) < 0) {
      failures.push(
        `"${b.title}" (${file}:${b.line}): step ${b.step} is not in ${scenario}`,
      );
    }
  }
  const rev = revision === DEFAULT_REVISION ? '' : `&rev=${revision}`;
  await page.goto(
    `simulator?scenario=${scenario}&step=${Math.max(...positions) + 1}${rev}`,
  );
  await waitForHydration(page);
  await expect(page.locator('[data-simulator]')).toHaveAttribute(
    'data-revision',
    revision,
  );
  const steps = page.getByTestId('sim-steps');
  for (const [i, b] of mine.entries()) {
    if ((positions[i] ?? -1) < 0) continue;
    const item = steps.locator(`[data-step-id="${b.step}"]`);
    await expect(item).toHaveAttribute('data-step-status', /done|failed/);
    await item.getByRole('button').click();
    await expect(item.getByRole('button')).toHaveAttribute(
      'aria-current',
      'step',
    );
    const comparison = compareExample(
      examples.get(b) ?? '',
      await simulatorPart(page, b),
    );
    if (!comparison.equal) {
      failures.push(
        `"${b.title}" (${file}:${b.line}) differs from the simulator:\n${comparison.diff}`,
      );
    }
  }
  return failures;
}

for (const { file, url } of PAGES) {
  const bindings = parseBindings(readFileSync(file, 'utf8'));
  // One run per scenario and revision; the default revision stays out of URLs.
  const runs = [
    ...new Map(
      bindings.map((b) => [
        `${b.scenario}@${b.revision}`,
        { scenario: b.scenario, revision: b.revision },
      ]),
    ).values(),
  ];

  test.describe(`verified examples on ${url}`, () => {
    test('the examples are static text in the HTML', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(url);
      for (const b of bindings) {
        await expect(page.locator(selector(b)), b.title).toHaveCount(1);
        expect(
          (await page.locator(selector(b)).innerText()).trim().length,
          b.title,
        ).toBeGreaterThan(0);
      }
      await context.close();
    });

    // One page runs every scenario in turn, each from its deep link: a fresh
    // page per scenario cost a cold start of the simulator each (several
    // seconds on a 2-core machine) and checked nothing more.
    test('its examples match the live simulator, scenario by scenario', async ({
      page,
      browser,
    }) => {
      test.setTimeout(180_000);
      // The examples as a reader without JavaScript sees them.
      const staticContext = await browser.newContext({
        javaScriptEnabled: false,
      });
      const docPage = await staticContext.newPage();
      await docPage.goto(url);
      const examples = new Map<ExampleBinding, string>();
      for (const b of bindings)
        examples.set(b, await codeBlockText(docPage, selector(b)));
      await staticContext.close();

      const failures: string[] = [];
      for (const { scenario, revision } of runs) {
        await scenarioStep(`${scenario} under ${revision}`, async () => {
          failures.push(
            ...(await compareRun(page, file, examples, scenario, revision)),
          );
        });
      }
      expect(failures.join('\n\n')).toBe('');
    });
  });
}

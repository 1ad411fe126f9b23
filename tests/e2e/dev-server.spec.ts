/**
 * `npm start`, the README's first command, serves pages that the browser
 * renders with no server HTML. Parts that keep the server's HTML in a build
 * (doc prose, code blocks) must render for real here, not stay empty.
 */
import { test, expect } from './support/fixtures';

test('the development server shows the concept page prose and code blocks', async ({
  page,
}) => {
  await page.goto('concepts/auth-framework');
  const article = page.locator('.markdown');
  await expect(article.locator('h2').first()).toBeVisible({ timeout: 60_000 });
  expect(
    await article.locator('[data-static-prose] h2').count(),
  ).toBeGreaterThan(5);
  expect(
    await article.locator('[data-static-prose] p').count(),
  ).toBeGreaterThan(20);
  await expect(article.locator('pre .token-line').first()).toBeVisible();
  // A prose link is a live link here, and navigates inside the app.
  await article
    .locator('[data-static-prose] a[href*="glossary#"]')
    .first()
    .click();
  await expect(page).toHaveURL(/glossary#/);
  await expect(page.locator('h1')).toHaveText('Glossary');
});

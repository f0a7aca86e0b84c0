// Issue 12: axe (WCAG 2.2 AA; serious and critical violations fail) on every kind of page, in both
// themes, including states a reader reaches: search results with highlights, the largest text,
// an error view, the phone menu open, the reading list with a story in it and low-data mode.
import type { Page } from '@playwright/test';
import { test, expect, expectAccessibleInBothThemes, settled, switchLowData } from './helpers';

const cases: [string, string, (page: Page) => Promise<void>][] = [
  ['the front page', '/en/', async () => {}],
  ['a section', '/en/science', async () => {}],
  ['an article', '/en/politics/1000/x', async () => {}],
  ['search results with highlights', '/en/search?q=budget', async (page) => {
    await expect(page.locator('.search-result mark').first()).toBeVisible();
  }],
  ['the saved stories, one saved and pressed', '/en/politics/1000/x', async (page) => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('link', { name: 'Saved stories' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Saved stories' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Remove/ })).toBeVisible();
  }],
  ['low-data mode, switched on', '/en/', async (page) => {
    await switchLowData(page);
    await expect(page.getByRole('button', { name: 'Save data: no pictures' })).toHaveAttribute('aria-pressed', 'true');
  }],
  ['the not-found page', '/en/nowhere/at/all/x/y', async (page) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }],
];

for (const [name, path, ready] of cases) {
  test(`no serious accessibility violations on ${name}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await ready(page);
    await settled(page);
    await expectAccessibleInBothThemes(page);
  });
}

test('no serious accessibility violations at the largest text size', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('gazette.text-size', '4'));
  await page.goto('/en/politics/1000/x');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '4');
  await settled(page);
  await expectAccessibleInBothThemes(page);
});

test('no serious accessibility violations on an error view', async ({ page }) => {
  await page.route(/\/api\/v1\/en\/articles\/1003\.json$/, (route) => route.fulfill({ status: 500, body: 'oops' }));
  await page.goto('/en/sport/1003/x');
  await expect(page.getByRole('alert')).toContainText('The server answered with an error (500).');
  await expectAccessibleInBothThemes(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });
  test('no serious accessibility violations with the menu open', async ({ page }) => {
    await page.goto('/en/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
    await settled(page);
    await expectAccessibleInBothThemes(page);
  });
});

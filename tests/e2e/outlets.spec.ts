// Issue 12: another outlet's data, as a newsroom would bring it: text that is one enormous word
// in every field, and documents the contract lists but a newsroom has not published yet.
import type { Page } from '@playwright/test';
import { test, expect, expectAccessibleInBothThemes, expectNoSidewaysOverflow, settled } from './helpers';
import { LONG_QUERY, WORDS, useLongWordsOutlet } from './long-words';

const LONG_PAGES: [string, string][] = [
  ['the front page', '/en/'],
  ['a section', '/en/longest'],
  ['an article', '/en/longest/long1/long'],
  ['search results', `/en/search?q=${encodeURIComponent(LONG_QUERY)}`],
];

async function openLong(page: Page, path: string) {
  await useLongWordsOutlet(page);
  await page.goto(path);
  await settled(page);
  await expect(page.getByText(WORDS[0].slice(0, 40)).first()).toBeVisible();
}

for (const [width, device] of [[320, 'a 320 px phone'], [1280, 'a desktop']] as const) {
  test.describe(`on ${device}`, () => {
    test.use({ viewport: { width, height: 800 } });
    for (const [name, path] of LONG_PAGES) {
      test(`200-character words wrap on ${name}, in both themes`, async ({ page }) => {
        await openLong(page, path);
        for (const theme of ['light', 'dark']) {
          await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
          await expectNoSidewaysOverflow(page);
        }
        if (width === 320) { // the menu, with the section names, social and app links, open too
          await page.getByRole('button', { name: 'Menu' }).click();
          await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
          await expectNoSidewaysOverflow(page);
        }
      });
    }
  });
}

test('the long-words article stays readable and accessible at the largest text size', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.addInitScript(() => localStorage.setItem('gazette.text-size', '4'));
  await openLong(page, '/en/longest/long1/long');
  await expect(page.locator('.article__byline')).toContainText(WORDS[0].slice(0, 30));
  await expect(page.locator('.article__tags li')).toHaveCount(2);
  await expectNoSidewaysOverflow(page);
  await expectAccessibleInBothThemes(page);
});

test('a newsroom without most-read.json keeps its front page: no box, no not-found, no noindex', async ({ page }) => {
  await page.route(/\/api\/v1\/en\/most-read\.json$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/en/');
  await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news');
  await expect(page.getByRole('region', { name: 'Most read' })).toHaveCount(0);
  await expect(page.getByText('Page not found')).toHaveCount(0);
  await expect(page).toHaveTitle('Latest news — Highland Ledger');
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Advertisement' })).toBeVisible();
});

test('a missing later feed page is a small message with Retry, not a not-found page', async ({ page }) => {
  let missing = true;
  await page.route(/\/api\/v1\/en\/feeds\/latest\/2\.json$/, (route) => (missing ? route.fulfill({ status: 404, body: '' }) : route.fallback()));
  await page.goto('/en/');
  const cards = page.getByRole('feed').getByRole('article');
  await expect(cards).toHaveCount(12);
  // The reader reaches the end of the feed, which asks for the next page. (Not a click on "Load
  // more": the click scrolls there first, the feed starts the same request, and its failure
  // removes the button under the click, which then waits for it forever.)
  await page.locator('.feed-end').scrollIntoViewIfNeeded();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('This part of the page is not available right now.');
  await expect(page).toHaveTitle('Latest news — Highland Ledger');
  await expect(page.locator('meta[name="robots"]')).toHaveCount(0);
  await expect(cards).toHaveCount(12);
  missing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(24);
});

test('a section whose first feed page is missing is the not-found page', async ({ page }) => {
  await page.route(/\/api\/v1\/en\/feeds\/sport\/1\.json$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('/en/sport');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
});

test('a section slugged `search` is left out: the search page keeps its address', async ({ page }) => {
  await page.route(/\/api\/v1\/en\/edition\.json$/, async (route) => {
    const edition = await (await route.fetch()).json();
    edition.sections.push({ slug: 'search', title: 'Searchlight', description: 'A section that would hide the search page.' });
    await route.fulfill({ json: edition });
  });
  await page.goto('/en/search?q=budget');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await expect(page.locator('.search-result').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name: 'Economy' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Searchlight' })).toHaveCount(0);
});

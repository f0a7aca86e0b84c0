// Issue 12: a tab left open across a deploy. The old build's page modules are gone from the host;
// the tab must notice, load the new build at the same address once, and never loop.
import type { Page } from '@playwright/test';
import { test, expect, serveCopy } from './helpers';
import { redeploy } from './redeploy';

let origin: string;
let dir: string;
let close: () => Promise<void>;

test.beforeEach(async () => {
  ({ dir, origin, close } = await serveCopy('dist'));
});
test.afterEach(() => close());

/** Counts the documents the tab loads (the first visit, then any reload). */
function documentLoads(page: Page) {
  const loads: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'document') loads.push(r.url()); });
  return loads;
}

/** Opens the front page of the old build and searches from its header, a kind of page not yet loaded. */
async function searchFromAnOldTab(page: Page, deploy: () => Promise<unknown>) {
  await page.goto(`${origin}/en/`);
  await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
  await deploy();
  const box = page.getByRole('search').first().getByRole('searchbox', { name: 'Search' });
  await box.fill('budget');
  await box.press('Enter');
}

test('a tab from before a deploy loads the new build at the same address, once', async ({ page }) => {
  const loads = documentLoads(page);
  let loader = '';
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await searchFromAnOldTab(page, async () => ({ loader } = await redeploy(dir)));
  await expect(page).toHaveURL(`${origin}/en/search?q=budget`);
  await expect(page.locator('.search-result').first().locator('mark').first()).toHaveText(/budget/i);
  expect(loads).toEqual([`${origin}/en/`, `${origin}/en/search?q=budget`]);
  expect(requested).toContain(`/${loader}`);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a deploy whose modules are missing too gets one reload, then the message and Retry', async ({ page }) => {
  const loads = documentLoads(page);
  await searchFromAnOldTab(page, () => redeploy(dir, { modulesMissing: true }));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('You seem to be offline');
  expect(loads).toEqual([`${origin}/en/`, `${origin}/en/search?q=budget`]);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(loads).toHaveLength(2);
});

test('a page module that fails while the host still serves this build is not a reason to reload', async ({ page }) => {
  const loads = documentLoads(page);
  let fail = true;
  await page.route(/\/gazette-split-search-[0-9a-f]+\.wasm$/, (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
  await searchFromAnOldTab(page, async () => {});
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('You seem to be offline');
  expect(loads).toHaveLength(1);
  fail = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.search-result').first()).toBeVisible();
});

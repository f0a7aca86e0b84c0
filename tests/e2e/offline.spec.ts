// Issue 20: installable and offline. The service worker (tools/sw.js, Workbox) is blocked in every
// other spec (playwright.config.ts) and allowed here. Each test serves its own copy of the build,
// so that what one test's worker caches, and the redeploy, stay its own.
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { test, expect, serveCopy } from './helpers';
import { redeploy } from './redeploy';

test.use({ serviceWorkers: 'allow' });

let origin: string;
let dir: string;
let close: () => Promise<void>;

test.beforeEach(async () => {
  ({ dir, origin, close } = await serveCopy('dist', { fixtures: 'tests/fixtures' }));
});
test.afterEach(() => close());

/**
 * Opens `path`, waits until the service worker is installed with the app's files, and opens the
 * page again, as a returning reader does: a load the worker answers from the start.
 */
async function openWithWorker(page: Page, path: string) {
  await page.goto(`${origin}${path}`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** The first story of the front page, opened in the app; its address and headline. */
async function openFirstStory(page: Page) {
  const link = page.getByRole('feed').getByRole('article').first().getByRole('heading').getByRole('link');
  const title = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return { url: page.url(), title };
}

async function offline(context: BrowserContext, page: Page, url: string) {
  await context.setOffline(true);
  await page.goto(url);
}

test('a story read once opens again offline, saying it is the copy from when it was read', async ({ page, context }) => {
  await openWithWorker(page, '/en/');
  const story = await openFirstStory(page);
  await offline(context, page, story.url);
  await expect(page.getByRole('heading', { level: 1, name: story.title })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' }))
    .toHaveText(/^You are offline — showing the copy from \d\d:\d\d\.$/);
});

test('a story read on the first visit, once the worker is in control, opens again offline', async ({ page, context }) => {
  // The page that installs the worker read the site and the edition before there was one.
  await page.goto(`${origin}/en/`);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const api = `${origin}/api/v1/`;
  const kept = (urls: string[]) => page.evaluate((u) => Promise.all(u.map((x) => caches.match(x).then((r) => r !== undefined))), urls);
  await expect.poll(() => kept([`${api}site.json`, `${api}en/edition.json`, `${api}en/feeds/latest/1.json`]))
    .toEqual([true, true, true]);
  const story = await openFirstStory(page);
  await offline(context, page, story.url);
  await expect(page.getByRole('heading', { level: 1, name: story.title })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You are offline' }))
    .toHaveText(/^You are offline — showing the copy from \d\d:\d\d\.$/);
});

test('the second visit fetches no code from the network', async ({ page }) => {
  await openWithWorker(page, '/en/');
  const fromNetwork: string[] = [];
  page.on('response', (r) => {
    if (/\.(js|wasm|css)$/.test(new URL(r.url()).pathname) && !r.fromServiceWorker()) fromNetwork.push(r.url());
  });
  await page.goto(`${origin}/en/politics`);
  await openFirstStory(page);
  await page.goto(`${origin}/en/saved`);
  await expect(page.getByRole('heading', { level: 1, name: 'Saved stories' })).toBeVisible();
  expect(fromNetwork).toEqual([]);
});

/** The paths the worker keeps for the reading list (its cache of saved stories), sorted. */
function savedFiles(page: Page) {
  return page.evaluate(async () => {
    const name = (await caches.keys()).find((n) => n.startsWith('gazette-saved'));
    const requests = name ? await (await caches.open(name)).keys() : [];
    return requests.map((r) => new URL(r.url).pathname).filter((p) => !p.includes('/gazette-saved-story/')).sort();
  });
}

test('a saved story is listed and opens offline; removing it takes it and its files off the list', async ({ page, context }) => {
  await openWithWorker(page, '/en/');
  await page.goto(`${origin}/en/politics`); // its first story has a picture and one in its body
  const story = await openFirstStory(page);
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved. You can read it offline.');
  const id = new URL(story.url).pathname.split('/')[3];
  const kept = await savedFiles(page);
  expect(kept).toContain(`/api/v1/en/articles/${id}.json`);
  expect(kept).toContain(new URL(story.url).pathname);
  expect(kept.filter((p) => p.startsWith('/img/')), 'its pictures, the body\'s included').toHaveLength(2);

  await offline(context, page, `${origin}/en/saved`);
  await expect(page.getByRole('heading', { level: 1, name: 'Saved stories' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: story.title }) });
  await item.getByRole('link', { name: story.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: story.title })).toBeVisible();
  await page.goto(story.url); // the page itself, as a reader's bookmark opens it
  await expect(page.getByRole('heading', { level: 1, name: story.title })).toBeVisible();

  await page.goto(`${origin}/en/saved`);
  await page.getByRole('button', { name: `Remove: ${story.title}` }).click();
  await expect(page.getByText('Nothing saved yet.')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Removed' })).toHaveText('Removed from saved stories.');
  // Its document, page and every picture go; what other saved stories would share stays.
  await expect.poll(() => savedFiles(page)).toEqual(['/api/v1/en/edition.json', '/api/v1/site.json']);
});

test('a story never read shows the offline message with Retry offline, and Retry works once back', async ({ page, context }) => {
  await openWithWorker(page, '/ru/');
  const link = page.getByRole('feed').getByRole('article').nth(5).getByRole('heading').getByRole('link');
  const [href, title] = [await link.getAttribute('href'), (await link.textContent())!.trim()];
  await offline(context, page, new URL(href!, origin).href);
  const error = page.getByRole('alert');
  await expect(error).toContainText('нет подключения к интернету');
  await context.setOffline(false);
  await error.getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a new deploy offers Reload, and Reload lands on the new version at the same address', async ({ page }) => {
  // A first visit, which the worker takes control of once it is installed. (Not a reload, as
  // openWithWorker does: after loading a page it controls, the browser checks for a new worker on
  // its own, a second after the page's last request, and the app's check on moving to another
  // page would join that check if it was still on its way, made before the deploy landed.)
  await page.goto(`${origin}/en/`);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await openFirstStory(page);
  // Moving to the story asked the host for a new worker; that check ends before the deploy lands
  // (one still in flight may read the old sw.js, and the next page's check would join it rather
  // than ask again). Asking once more joins the check in flight and settles when it has.
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
  const { loader } = await redeploy(dir);
  // Moving to another page asks the host for a new worker. (The search page: an address the host
  // answers with index.html, which the redeploy rewrote; published pages are rewritten by publish.)
  const box = page.getByRole('search').first().getByRole('searchbox', { name: 'Search' });
  await box.fill('budget');
  await box.press('Enter');
  await expect(page).toHaveURL(`${origin}/en/search?q=budget`);
  const prompt = page.getByRole('status').filter({ hasText: 'A new version' });
  await expect(prompt).toContainText('A new version of this site is available.');
  // Nothing in the open page broke meanwhile: the old build's search page is drawn.
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator(`link[rel="modulepreload"][href$="${loader}"]`)).toHaveCount(1);
  expect(page.url()).toBe(`${origin}/en/search?q=budget`);
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reload' })).toHaveCount(0);
});

test('the site is installable: its manifest, icon and worker pass Chromium\'s checks', async ({}, testInfo) => {
  // Chromium checks installability only outside incognito, which Playwright's contexts are.
  const context = await chromium.launchPersistentContext(testInfo.outputPath('profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    await openWithWorker(page, '/en/');
    const cdp = await context.newCDPSession(page);
    const { url } = await cdp.send('Page.getAppManifest');
    expect(url).toBe(`${origin}/manifest.webmanifest`);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the manifest under a sub-path names the outlet and starts and stays under that path', async ({ request }) => {
  const site = JSON.parse(readFileSync('tests/fixtures/other/site.json', 'utf8'));
  const address = 'http://127.0.0.1:4176/news/manifest.webmanifest';
  const response = await request.get(address);
  expect(response.headers()['content-type']).toBe('application/manifest+json');
  const manifest = await response.json();
  expect(manifest.name).toBe(site.name);
  // Relative, so resolved on the manifest's own address, as browsers do.
  expect(new URL(manifest.start_url, address).href).toBe('http://127.0.0.1:4176/news/');
  expect(new URL(manifest.scope, address).href).toBe('http://127.0.0.1:4176/news/');
  const icon = await request.get(new URL(manifest.icons[0].src, address).href);
  expect(icon.ok()).toBe(true);
  expect(await icon.text()).toContain('</svg>');
});

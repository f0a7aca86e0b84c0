// Issue 2: routes, data loading, the API base meta tag, and the CDN-style deep links.
import { test, expect, OTHER_API, countRequests, useApi } from './helpers';

test('/ redirects to the browser language, replacing the history entry', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  // about:blank and this page: the redirect replaced "/" instead of adding to it.
  expect(await page.evaluate(() => history.length)).toBe(2);
});

test.describe('with a Russian browser', () => {
  test.use({ locale: 'ru-RU' });
  test('/ goes to the Russian edition', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/ru\/$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Последние новости' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  });
});

test('a section page shows its box and stories', async ({ page }) => {
  await page.goto('/en/economy');
  await expect(page.getByRole('heading', { level: 1, name: 'Economy' })).toBeVisible();
  await expect(page.getByText('Prices, jobs, companies and budgets')).toBeVisible();
  await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name: 'Economy' })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle('Economy — Highland Ledger');
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', 'http://127.0.0.1:4173/en/economy');
  await page.goto('/en/');
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', 'http://127.0.0.1:4173/en/');
  await expect(page.locator('head meta[name="description"]')).toHaveAttribute('content', 'Highland Ledger — Latest news');
});

test('an article deep link loads cold', async ({ page }) => {
  await page.goto('/hy/politics/3000/opposition-parties-debate-runs-late-into-the-night-0');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ընդդիմադիր կուսակցությունները: քննարկումը ձգվեց մինչև ուշ գիշեր');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hy');
  await expect(page.getByText('27 նոյեմբերի 2026, 21:30').first()).toBeVisible();
});

test('a wrong section and slug are corrected in place', async ({ page }) => {
  await page.goto('/en/sport/1000/wrong-slug');
  await expect(page).toHaveURL(/\/en\/politics\/1000\/opposition-parties-debate-runs-late-into-the-night-0$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Opposition parties');
  expect(await page.evaluate(() => history.length)).toBe(2); // about:blank and this page
});

for (const path of ['/en/politics/999999/nothing', '/en/no-such-section', '/xx/', '/en/a/b/c/d/e']) {
  test(`not found: ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    const home = page.getByRole('link', { name: 'Go to the front page' });
    await home.click();
    await expect(page).toHaveURL(/\/en\/$/);
  });
}

test('the not-found page speaks the reader’s language', async ({ page }) => {
  await page.goto('/az/politics/1/nothing');
  await expect(page.getByRole('heading', { level: 1, name: 'Səhifə tapılmadı' })).toBeVisible();
});

test('another outlet through the meta tag: nothing of the demo is hard-coded', async ({ page }) => {
  await useApi(page, OTHER_API);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.getByRole('link', { name: 'Riverside Post' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link')).toHaveText(['Local', 'Arts', 'Культура']);
  await expect(page.getByRole('link', { name: 'YouTube' })).toHaveAttribute('href', 'https://www.youtube.com/@riverside-post');
  await expect(page.getByRole('link', { name: 'mastodon' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Telegram' })).toHaveCount(0); // javascript: URL dropped
  await expect(page.getByRole('list', { name: 'Get the app' }).getByRole('link')).toHaveCount(0);
  await expect(page.getByText('Riverside Post notice: quote us with a link.')).toBeVisible();
  await expect(page.getByText(`© Riverside Post ${new Date().getFullYear()}`)).toBeVisible();
  await expect(page.getByText('Highland Ledger')).toHaveCount(0);
  expect(requests.some((p) => p.startsWith('/api/'))).toBe(false);
});

test('a language without UI strings shows its content with English UI', async ({ page }) => {
  await useApi(page, OTHER_API);
  await page.goto('/fr/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  await expect(page.getByRole('feed').getByRole('link', { name: 'Article number 2' })).toBeVisible();
});

test('the app runs under its strict Content-Security-Policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const csp = await (await page.request.get('/index.html')).text();
  expect(csp).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  await page.goto('/en/');
  await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
  await page.getByRole('feed').getByRole('link').nth(1).click();
  await expect(page.locator('.article__headline')).toBeVisible();
  await page.goto('/ru/search?q=%D0%BF%D0%B0%D1%80%D0%BB%D0%B0%D0%BC%D0%B5%D0%BD%D1%82');
  await expect(page.locator('.search-result').first()).toBeVisible();
  expect(await page.evaluate(() => (window as any).__violations)).toEqual([]);
});

test('the first API requests start before the WebAssembly, and the app adopts them', async ({ page }) => {
  const counts = countRequests(page, /\/api\/|\.wasm$/);
  const order: string[] = [];
  page.on('request', (r) => order.push(new URL(r.url()).pathname));
  await page.goto('/en/politics/1000/x');
  await expect(page.locator('.article__headline')).toBeVisible();
  const wasm = order.findIndex((p) => p.endsWith('_bg.wasm'));
  expect(wasm).toBeGreaterThan(0);
  for (const path of ['/api/v1/site.json', '/api/v1/en/edition.json', '/api/v1/en/articles/1000.json']) {
    expect(order.indexOf(path), path).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(path), path).toBeLessThan(wasm);
    expect(counts.get(path), path).toBe(1);
  }
  expect(await page.evaluate(() => Object.keys((window as any).gazetteBoot.requests))).toEqual([]);
  // The frame and the page modules (preloaded with it and prefetched after): each requested once,
  // a preload and the fetch it was for sharing one request.
  const modules = [...counts].filter(([p]) => p.endsWith('.wasm'));
  expect(modules.map(([p]) => p)).toContainEqual(expect.stringMatching(/\/gazette-split-article-[0-9a-f]+\.wasm$/));
  expect(modules.filter(([, n]) => n !== 1)).toEqual([]);
});

test('sections, ids and slugs outside ASCII work end to end', async ({ page }) => {
  await useApi(page, OTHER_API);
  await page.goto('/en/');
  await page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name: 'Культура' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Культура' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name: 'Культура' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('feed').getByRole('link', { name: 'Unicode slug story' }).click();
  await expect(page.locator('.article__headline')).toHaveText('Unicode slug story');
  await expect(page.getByText('Body of the unicode story.')).toBeVisible();
  await page.reload(); // cold deep link to the same address
  await expect(page.locator('.article__headline')).toHaveText('Unicode slug story');
});

// Issue 20: newer stories over a feed, low-data mode, and the reading list where storage is
// blocked (the service worker's part is in offline.spec.ts).
import { test, expect, switchLowData } from './helpers';

const FIRST_PAGE = '**/api/v1/en/feeds/latest/1.json';
const CHECK_EVERY_MS = 3 * 60 * 1000; // pages/new_stories.rs

/** The front page's first feed page with `count` stories added at the top. */
function withNewStories(original: { items: { id: string; title: string }[] }, count: number) {
  const fresh = Array.from({ length: count }, (_, i) => ({
    ...original.items[0],
    id: `new-${i}`,
    slug: `new-${i}`,
    title: `Breaking story number ${i + 1}`,
  }));
  return { ...original, items: [...fresh, ...original.items] };
}

test('newer stories are offered over the feed without moving it, and shown at the top when asked', async ({ page }) => {
  await page.clock.install();
  await page.goto('/en/');
  const cards = page.getByRole('feed').getByRole('article');
  await expect(cards.first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 900));
  await page.route(FIRST_PAGE, async (route) => {
    const original = await (await route.fetch()).json();
    await route.fulfill({ json: withNewStories(original, 2) });
  });
  const checked = page.waitForRequest((r) => r.url().endsWith('/api/v1/en/feeds/latest/1.json'));
  await page.clock.runFor(CHECK_EVERY_MS);
  await checked;
  const button = page.getByRole('button', { name: 'New stories: 2' });
  await expect(button).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(900);
  await expect(cards.first()).not.toHaveText(/Breaking story/);
  await button.click();
  await expect(cards.first().getByRole('heading')).toHaveText('Breaking story number 1');
  await expect(cards.nth(1).getByRole('heading')).toHaveText('Breaking story number 2');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(button).toHaveCount(0);
});

test('no check for newer stories while offline', async ({ page, context }) => {
  await page.clock.install();
  await page.goto('/en/');
  await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
  let checks = 0;
  await page.route(FIRST_PAGE, (route) => { checks += 1; return route.fallback(); });
  await context.setOffline(true);
  await page.clock.runFor(CHECK_EVERY_MS * 2);
  await context.setOffline(false);
  // Back online, the next check goes out: the count above is not zero for want of a timer.
  const checked = page.waitForResponse((r) => r.url().endsWith('/api/v1/en/feeds/latest/1.json'));
  await page.clock.runFor(CHECK_EVERY_MS);
  await checked;
  expect(checks).toBe(1);
});

test('low-data mode leaves pictures out of feeds and stories and keeps captions', async ({ page }) => {
  await page.goto('/en/');
  const feed = page.getByRole('feed');
  await expect(feed.getByRole('img').first()).toBeVisible();
  await switchLowData(page);
  await expect(page.getByRole('button', { name: 'Save data: no pictures' })).toHaveAttribute('aria-pressed', 'true');
  await expect(feed.getByRole('article').first()).toBeVisible();
  await expect(feed.getByRole('img')).toHaveCount(0);
  await page.goto('/en/politics/1000/opposition-parties-debate-runs-late-into-the-night-0');
  const article = page.locator('article.article');
  await expect(article.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(article.getByRole('img')).toHaveCount(0);
  await expect(article.locator('figcaption').first()).toContainText('An illustration accompanying the story.');
  // Moving on in the app fetches no picture at all. (A page loaded from the host may still fetch
  // its first pictures, which the browser requests before any script runs; they stay hidden.)
  const pictures: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'image') pictures.push(r.url()); });
  await page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name: 'Culture' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Culture' })).toBeVisible();
  await expect(page.getByRole('feed').getByRole('article').nth(5)).toBeVisible();
  expect(pictures.filter((p) => p.includes('/img/demo/'))).toEqual([]);
});

test('the browser\'s Save-Data hint turns low-data mode on until the reader chooses', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  await page.goto('/en/');
  await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('feed').getByRole('img')).toHaveCount(0);
  await switchLowData(page);
  await expect(page.getByRole('feed').getByRole('img').first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole('feed').getByRole('img').first()).toBeVisible();
});

test('with storage blocked the reading list works for the tab and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto('/en/politics/1000/opposition-parties-debate-runs-late-into-the-night-0');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' }))
    .toHaveText('Saved for this tab only: this browser does not let the site keep data.');
  await page.getByRole('link', { name: 'Saved stories' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saved stories' })).toBeVisible();
  await expect(page.getByText('saved stories stay only until this tab is closed')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Opposition parties: debate runs late into the night' })).toBeVisible();
});

test('the reading list is in the reader\'s language, and a story saved in another language says its own', async ({ page }) => {
  await page.goto('/ru/politics/2000/opposition-parties-debate-runs-late-into-the-night-0');
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Сохранить', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/en/saved');
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute('lang', 'ru');
  await page.goto('/ru/saved');
  await expect(page.getByRole('heading', { level: 1, name: 'Сохранённые материалы' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) })).not.toHaveAttribute('lang', /./);
});

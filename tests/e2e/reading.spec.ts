// Issue 3: feeds with infinite loading, the article page, and errors that never lose the reader.
import type { Page } from '@playwright/test';
import { test, expect, OTHER_API, countRequests, holdApp, useApi, watchLayoutShifts } from './helpers';

const FEED_PAGE = /\/api\/v1\/en\/feeds\/latest\/\d+\.json$/;

/** Scrolls as a reader would, on and on, until the feed says it has no more stories. */
async function scrollToEnd(page: Page) {
  const status = page.locator('.feed-status');
  await expect.poll(async () => {
    await page.mouse.wheel(0, 20000);
    return status.textContent();
  }, { timeout: 30_000 }).toBe('No more stories');
}

test('scrolling loads every page of a feed exactly once, in order, without repeats', async ({ page }) => {
  const counts = countRequests(page, FEED_PAGE);
  await page.goto('/en/');
  await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
  await scrollToEnd(page);
  const pages = [...counts.keys()].map((p) => Number(p.match(/(\d+)\.json$/)![1])).sort((a, b) => a - b);
  expect(pages).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
  const ids = await page.getByRole('feed').getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-labelledby')));
  expect(ids.length).toBe(168);
  expect(new Set(ids).size).toBe(168);
  await expect(page.getByRole('link', { name: 'Load more stories' })).toHaveCount(0);
  await expect(page.getByRole('feed')).toHaveAttribute('aria-busy', 'false');
});

test('an overlapping next page never shows a story twice', async ({ page }) => {
  await useApi(page, OTHER_API);
  await page.goto('/en/');
  await scrollToEnd(page);
  await expect(page.getByRole('feed').getByRole('article')).toHaveCount(6);
});

for (const [device, viewport] of [['a phone', { width: 412, height: 823 }], ['a desktop', { width: 1280, height: 720 }]] as const) {
  test(`on ${device}, the next page arrives without moving anything on screen`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await watchLayoutShifts(page);
    let release = () => {};
    const held = new Promise<void>((done) => { release = done; });
    await page.route(/\/api\/v1\/en\/feeds\/latest\/2\.json$/, async (route) => { await held; await route.continue(); });
    await page.goto('/en/');
    const feed = page.getByRole('feed');
    await expect(feed.getByRole('article')).toHaveCount(12);
    // A reader scrolling down: the end of the stories comes near, and the next page is asked for …
    await page.evaluate(() => {
      const end = document.querySelector('.feed-sentinel')!.getBoundingClientRect().top + scrollY;
      scrollTo(0, end - innerHeight - 300);
    });
    await expect(feed).toHaveAttribute('aria-busy', 'true');
    // … and reaches the end of the stories (half way up the screen) while it is on its way.
    await page.evaluate(() => {
      const cards = document.querySelectorAll('[role="feed"] article');
      scrollTo(0, cards[cards.length - 1].getBoundingClientRect().bottom + scrollY - innerHeight / 2);
    });
    await expect(page.locator('.feed-reserve'), 'the rest of the screen is the next page\'s placeholder').toBeInViewport();
    release();
    await expect(feed.getByRole('article')).toHaveCount(24);
    await expect(feed).toHaveAttribute('aria-busy', 'false');
    // Two frames drawn, so that any shift the new stories caused has been reported.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => (window as any).shifts), String(await page.evaluate(() => (window as any).shifted))).toBe(0);
  });
}

test.describe('without IntersectionObserver', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => { delete (window as any).IntersectionObserver; });
  });
  test('Load more works by keyboard', async ({ page }) => {
    await page.goto('/en/culture');
    const cards = page.getByRole('feed').getByRole('article');
    await expect(cards).toHaveCount(12);
    await page.getByRole('link', { name: 'Load more stories' }).focus();
    await page.keyboard.press('Enter');
    await expect(cards).toHaveCount(24);
    await expect(page, 'the next page loads in place').toHaveURL(/\/en\/culture$/);
    await expect(page.locator('.feed-status')).toHaveText('No more stories');
  });
});

test('Back restores the feed’s items and scroll position without refetching', async ({ page }) => {
  await page.goto('/en/');
  const feed = page.getByRole('feed');
  const cards = feed.getByRole('article');
  await expect(cards).toHaveCount(12);
  await expect.poll(async () => { // a reader scrolling on: each page loads as the end comes near
    await page.mouse.wheel(0, 5000);
    return cards.count();
  }).toBeGreaterThan(24);
  // Stand well above the end of the feed, so nothing more loads, and let it settle.
  const target = cards.nth(15).getByRole('link').last();
  await target.scrollIntoViewIfNeeded();
  await expect(feed).toHaveAttribute('aria-busy', 'false');
  // Two frames drawn: the sentinel's last check (in an animation frame) has run, and found the
  // end of the feed far away, so no page is on its way.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(feed).toHaveAttribute('aria-busy', 'false');
  const before = await cards.count();
  const scrollY = await page.evaluate(() => scrollY);
  expect(scrollY).toBeGreaterThan(1000);
  const counts = countRequests(page, /\/feeds\/latest\//);
  await target.click();
  await expect(page.locator('.article__headline')).toBeVisible();
  await page.goBack();
  await expect(cards).toHaveCount(before, { timeout: 1000 });
  await expect(page.locator('.feed-skeleton')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrollY - 50);
  expect(Math.abs((await page.evaluate(() => scrollY)) - scrollY)).toBeLessThan(50);
  expect([...counts.keys()]).toEqual([]);
});

test('most read is a numbered list', async ({ page }) => {
  await page.goto('/en/');
  const list = page.getByRole('region', { name: 'Most read' }).getByRole('list');
  await expect(list.getByRole('listitem')).toHaveCount(10);
  expect(await list.evaluate((el) => el.tagName)).toBe('OL');
});

// What a published page shows before the app, and its hand-over: tests/e2e/published.spec.ts.
test.describe('a published page before the app', () => {
  test.use({ waitForApp: false });
  test('speaks the content language before the app does', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('/ru/');
    await expect(page.locator('#boot-shell[data-published] h1')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    release();
    await expect(page.locator('#boot-shell')).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  });

  test('keeps another outlet\'s hostile text as text, with only safe links and images', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto('http://127.0.0.1:4176/news/en/local/en1/story-1');
    const published = page.locator('#boot-shell[data-published] article');
    await expect(published.locator('h1')).toHaveText('Hostile <b>markup</b> story');
    await expect(published.locator('.article__lead')).toHaveText('Lead with <script>alert(1)</script> inside');
    await expect(published.getByText('<b>not bold</b> <img src=x onerror=alert(1)>', { exact: false })).toBeVisible();
    await expect(published.locator('b, script, iframe, video, img[src^="data"], img[src^="javascript"], img[src="x"]')).toHaveCount(0);
    await expect(published.locator('a[href^="javascript"], a[href^="data"]')).toHaveCount(0);
    await expect(published.getByRole('link', { name: 'safe link' })).toHaveAttribute('href', 'https://example.org/safe');
    release();
    await expect(page.locator('#boot-shell')).toHaveCount(0);
    await expect(page.locator('.article__headline')).toHaveText('Hostile <b>markup</b> story');
  });

  test('an unknown section is not published and reaches the not-found page', async ({ page }) => {
    await page.goto('/en/no-such-section');
    await expect(page.locator('#boot-shell[data-published]')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.locator('#boot-shell')).toHaveCount(0);
  });
});

test.describe('a hostile article from another outlet', () => {
  test.beforeEach(async ({ page }) => {
    await useApi(page, OTHER_API);
    await page.goto('/en/local/en1/story-1');
    await expect(page.locator('.article__headline')).toBeVisible();
  });

  test('every block type renders and unknown blocks are skipped', async ({ page }) => {
    const body = page.locator('.article-body');
    await expect(body.locator('strong', { hasText: 'Bold run' })).toBeVisible();
    await expect(body.locator('em', { hasText: 'italic run' })).toBeVisible();
    await expect(body.getByRole('heading', { level: 2, name: 'Second level' })).toBeVisible();
    await expect(body.getByRole('heading', { level: 3, name: 'Third level' })).toBeVisible();
    await expect(body.locator('blockquote')).toHaveText('A quoted line');
    await expect(body.locator('.quote figcaption')).toHaveText('A Speaker');
    await expect(body.getByRole('img', { name: 'Safe figure' })).toHaveAttribute('width', '1200');
    await expect(body.locator('.figure figcaption')).toContainText('Figure caption');
    await expect(body.locator('.figure figcaption')).toContainText('Figure credit');
    await expect(body.locator('ol > li')).toHaveText(['first ordered', 'second ordered']);
    await expect(body.locator('ul > li')).toHaveText(['an unordered item']);
    await expect(body.getByText('After the unknown blocks.')).toBeVisible();
  });

  test('unsafe links become text and markup stays text', async ({ page }) => {
    const body = page.locator('.article-body');
    await expect(body.getByRole('link', { name: 'safe link' })).toHaveAttribute('href', 'https://example.org/safe');
    await expect(body.getByRole('link', { name: 'site link' })).toHaveAttribute('href', '/en/local');
    await expect(body.getByRole('link', { name: 'mail link' })).toHaveAttribute('href', 'mailto:desk@example.org');
    await expect(body.getByText('evil link')).toBeVisible();
    await expect(body.getByRole('link', { name: 'evil link' })).toHaveCount(0);
    await expect(body.getByRole('link', { name: 'data link' })).toHaveCount(0);
    await expect(page.locator('a[href^="javascript"], a[href^="data"], img[src^="javascript"], img[src^="data"]')).toHaveCount(0);
    await expect(body.getByRole('img', { name: 'Evil figure' })).toHaveCount(0);
    await expect(page.locator('.article__headline')).toHaveText('Hostile <b>markup</b> story');
    await expect(page.locator('.article__headline b, .article-body b, .article-body img[src="x"], .article__byline img')).toHaveCount(0);
    expect(await page.locator('script:not([type="application/ld+json"])').evaluateAll((s) => s.filter((e) => e.textContent!.includes('alert(')).length)).toBe(0);
    // The story's structured data carries the same text as data: it parses, and nothing in it can close the block.
    const ld = await page.locator('script[type="application/ld+json"]').textContent();
    expect(ld).not.toContain('<');
    expect(JSON.parse(ld!).headline).toBe('Hostile <b>markup</b> story');
    await expect(body.getByText('<b>not bold</b> <img src=x onerror=alert(1)>', { exact: false })).toBeVisible();
    await expect(page.locator('.article__byline')).toHaveText('By <img src=x onerror=alert(1)>');
  });
});

test('the article page shows its facts and head tags', async ({ page }) => {
  await page.goto('/ru/politics/2000/opposition-parties-debate-runs-late-into-the-night-0');
  await expect(page.locator('.article__headline')).toHaveText('Оппозиционные партии: споры затянулись до ночи');
  await expect(page.locator('.article__views')).toHaveText('Просмотров: 36\u00a0162');
  await expect(page.locator('.article__meta time')).toHaveText('27 ноября 2026, 21:30');
  await expect(page.locator('.article__meta time')).toHaveAttribute('datetime', '2026-11-27T21:30:00+04:00');
  await expect(page.getByRole('link', { name: 'Политика' }).first()).toHaveAttribute('href', '/ru/politics');
  await expect(page).toHaveTitle('Оппозиционные партии: споры затянулись до ночи — Highland Ledger');
  const head = page.locator('head');
  const url = 'http://127.0.0.1:4173/ru/politics/2000/opposition-parties-debate-runs-late-into-the-night-0';
  await expect(head.locator('meta[name="description"]')).toHaveAttribute('content', /Чиновники и эксперты/);
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(head.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', /Оппозиционные партии/);
  await expect(head.locator('meta[property="og:image"]')).toHaveAttribute('content', 'http://127.0.0.1:4173/img/demo/section-0.svg');
  await expect(head.locator('link[rel="alternate"][hreflang]')).toHaveCount(5); // and x-default
  await expect(head.locator('link[rel="alternate"][hreflang="hy"]')).toHaveAttribute('href', /\/hy\/politics\/3000\//);
  const hero = page.locator('.article > .figure img');
  await expect(hero).toHaveAttribute('loading', 'eager');
  await expect(hero).toHaveAttribute('height', '675');
  await expect(page.getByRole('complementary', { name: 'Реклама' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Читайте также' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ещё в разделе «Политика»' })).toBeVisible();
});

// The console tells the developer which document broke the contract and where: the line and
// column of broken JSON, the field of JSON of the wrong shape.
for (const [name, fulfil, message, where] of [
  ['a server error', { status: 500, body: 'oops' }, 'The server answered with an error (500).', null],
  ['broken JSON', { status: 200, contentType: 'application/json', body: '{"id": "1", "title": ' }, 'The server sent data we could not read.', /^line 1 column \d+$/],
  ['JSON of the wrong shape', { status: 200, contentType: 'application/json', body: '{"items": [1, 2]}' }, 'The server sent data we could not read.', /^`id` is missing$/],
  ['a field of the wrong type', { status: 200, contentType: 'application/json', body: '{"id": 1003, "slug": "x"}' }, 'The server sent data we could not read.', /^`id` should be text$/],
] as const) {
  test(`${name} shows a message and a working Retry, keeping the frame`, async ({ page }) => {
    let fail = true;
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.route(/\/api\/v1\/en\/articles\/1003\.json$/, (route) => (fail ? route.fulfill(fulfil) : route.fallback()));
    await page.goto('/en/sport/1003/x');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    if (where) {
      const prefix = 'Gazette could not read http://127.0.0.1:4173/api/v1/en/articles/1003.json: unexpected data: ';
      expect(warnings.filter((w) => w.startsWith(prefix)).map((w) => w.slice(prefix.length))).toContainEqual(expect.stringMatching(where));
    }
    await expect(page.getByRole('link', { name: 'Highland Ledger' })).toBeVisible();
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.article__headline')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
}

test.describe('each kind of page has its own WebAssembly module', () => {
  const pageModule = /\/gazette-split-(\w+)-[0-9a-f]+\.wasm$/;

  test('a feed downloads its own module first, the article module once it is drawn, the search module on intent', async ({ page }) => {
    const modules: string[] = [];
    page.on('request', (r) => { const m = r.url().match(pageModule); if (m) modules.push(m[1]); });
    await page.goto('/en/');
    await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
    await expect.poll(() => [...new Set(modules)].sort()).toEqual(['article', 'feed']);
    expect(modules[0]).toBe('feed');
    await page.getByRole('searchbox').focus();
    await expect.poll(() => modules).toContain('search');
    const before = modules.length;
    await page.getByRole('feed').getByRole('article').first().getByRole('heading').getByRole('link').click();
    await expect(page.locator('.article__headline')).toBeVisible();
    expect(modules.length).toBe(before); // the article's module was already there
  });

  test('a page module that fails to download has a message and a working Retry, keeping the frame', async ({ page }) => {
    let fail = true;
    await page.route(/\/gazette-split-article-[0-9a-f]+\.wasm$/, (route) => (fail ? route.abort('internetdisconnected') : route.fallback()));
    await page.goto('/en/sport/1003/x');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('You seem to be offline');
    await expect(page.getByRole('link', { name: 'Highland Ledger' })).toBeVisible();
    fail = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('.article__headline')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('a request that never answers times out after 10 s with a Retry', async ({ page }) => {
  test.setTimeout(30_000);
  let hang = true;
  await page.route(/\/api\/v1\/en\/articles\/1004\.json$/, (route) => (hang ? undefined : route.fallback()));
  await page.goto('/en/culture/1004/x');
  await expect(page.locator('.article-skeleton')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The server took too long to answer.', { timeout: 15_000 });
  hang = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.article__headline')).toBeVisible();
});

test('a failed next page keeps the loaded stories and retries only that page', async ({ page }) => {
  let fail = true;
  await page.route(/\/api\/v1\/en\/feeds\/latest\/2\.json$/, (route) => (fail ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
  await page.goto('/en/');
  const cards = page.getByRole('feed').getByRole('article');
  await expect(cards).toHaveCount(12);
  await page.mouse.wheel(0, 20000);
  await expect(page.getByRole('alert')).toContainText('The next stories could not be loaded.');
  await expect(cards).toHaveCount(12);
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => cards.count()).toBeGreaterThanOrEqual(24);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a missing article (404 from the API) is the not-found page', async ({ page }) => {
  await page.route(/\/api\/v1\/en\/articles\/1005\.json$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/en/politics/1005/x');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Highland Ledger' })).toBeVisible();
});

test('an offline API is reported as such', async ({ page }) => {
  await page.route(/\/api\/v1\/en\/most-read\.json$/, (route) => route.abort('internetdisconnected'));
  await page.goto('/en/');
  await expect(page.getByRole('region', { name: 'Most read' }).getByRole('alert')).toContainText('You seem to be offline');
  await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
});

// Issue 11: the pages ./x publish writes. What a crawler or a link preview reads without running
// scripts, what a reader with scripts off gets, and the app taking over a published page.
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, countRequests, expectAccessibleInBothThemes, holdApp, sitemapAddresses, watchLayoutShifts } from './helpers';

const STORY = '/en/politics/1000/opposition-parties-debate-runs-late-into-the-night-0';
const HEADLINE = 'Opposition parties: debate runs late into the night';
/** The fixture outlet's hostile story, published under /news/ on the server that reads its API from another origin. */
const OTHER_SITE = 'http://127.0.0.1:4176/news/';
const HOSTILE = `${OTHER_SITE}en/local/en1/story-1`;

/** A page's HTML as the host sends it (no script runs). */
async function raw(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type']).toContain('text/html');
  return response.text();
}

/** The content of each `<meta property|name="key">`, in order. */
function metas(html: string, key: string) {
  const tags = html.match(new RegExp(`<meta (?:property|name)="${key}" content="[^"]*"`, 'g')) ?? [];
  return tags.map((t) => t.match(/content="([^"]*)"/)![1]);
}

function jsonLd(html: string) {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0][1]);
}

test.describe('a crawler reading the raw HTML', () => {
  test('an article carries its text and every preview and search tag', async ({ request }) => {
    const html = await raw(request, STORY);
    expect(html).toContain('<html lang="en" data-published>');
    expect(html).toContain(`<title>${HEADLINE} — Highland Ledger</title>`);
    expect(metas(html, 'description')[0]).toContain('Officials and experts weigh in');
    expect(html).toContain(`<link rel="canonical" href="http://127.0.0.1:4173${STORY}"`);
    const hreflang = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(hreflang.map(([lang]) => lang).sort()).toEqual(['az', 'en', 'hy', 'ru', 'x-default']);
    expect(hreflang.find(([lang]) => lang === 'x-default')![1], 'the default language').toBe(`http://127.0.0.1:4173${STORY}`);
    expect(hreflang.find(([lang]) => lang === 'ru')![1]).toMatch(/^http:\/\/127\.0\.0\.1:4173\/ru\/politics\/2000\//);
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Highland Ledger — Politics" href="http://127.0.0.1:4173/feeds/en/politics.xml"');
    expect(metas(html, 'og:type')).toEqual(['article']);
    expect(metas(html, 'og:url')).toEqual([`http://127.0.0.1:4173${STORY}`]);
    expect(metas(html, 'og:site_name')).toEqual(['Highland Ledger']);
    expect(metas(html, 'og:locale')).toEqual(['en_US']);
    expect(metas(html, 'og:image')[0]).toMatch(/^http:\/\/127\.0\.0\.1:4173\/img\//);
    expect([metas(html, 'og:image:width')[0], metas(html, 'og:image:height')[0]]).toEqual(['1200', '675']);
    expect(metas(html, 'og:image:alt')[0]).not.toBe('');
    expect(metas(html, 'article:published_time')[0]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(metas(html, 'article:section')).toEqual(['Politics']);
    expect(metas(html, 'article:tag').length).toBeGreaterThan(0);
    expect(metas(html, 'twitter:card')).toEqual(['summary_large_image']);
    expect(metas(html, 'twitter:title')).toEqual([HEADLINE]);
    expect(metas(html, 'twitter:image')).toEqual(metas(html, 'og:image'));
    const ld = jsonLd(html);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(HEADLINE);
    expect(ld.publisher.name).toBe('Highland Ledger');
    expect(ld.mainEntityOfPage['@id']).toBe(`http://127.0.0.1:4173${STORY}`);
    expect(ld.author.name).not.toBe('');
    expect(ld.image[0].url).toBe(metas(html, 'og:image')[0]);
    // The page itself: headline, body text and its links, views, share links, related stories.
    expect(html).toContain(`<h1 class="article__headline">${HEADLINE}</h1>`);
    expect(html).toContain('Key point: </strong>A final vote is expected');
    expect(html).toMatch(/<a [^>]*href="https:\/\/[^"]+"[^>]*>the full report<\/a>/);
    expect(html).toContain('class="article__views"');
    expect(html).toMatch(/data-network="telegram" href="https:\/\/t\.me\/share\/url\?url=http%3A%2F%2F127\.0\.0\.1%3A4173%2Fen%2Fpolitics%2F1000%2F/);
    expect(html).not.toContain('needs JavaScript');
  });

  test('a section page and the front page are published with their stories as links', async ({ request }) => {
    const section = await raw(request, '/en/economy');
    expect(section).toContain('<title>Economy — Highland Ledger</title>');
    expect(metas(section, 'og:type')).toEqual(['website']);
    expect(section).toContain('<h1 class="section-box__title">Economy</h1>');
    expect(section.match(/class="story-card__title"><a href="\/en\/economy\/\d+\/[^"]+">/g)).toHaveLength(12);
    const home = await raw(request, '/en/');
    expect(home).toContain('<link rel="canonical" href="http://127.0.0.1:4173/en/"');
    expect(home.match(/class="story-card__title"/g)).toHaveLength(12);
  });

  test('another outlet\'s hostile story stays inert in the markup and in the JSON-LD', async ({ request }) => {
    const html = await raw(request, HOSTILE);
    expect(html).toContain('<title>Hostile &lt;b&gt;markup&lt;/b&gt; story — Riverside Post</title>');
    expect(html).toContain('<link rel="canonical" href="http://127.0.0.1:4176/news/en/local/en1/story-1"');
    expect(html).toContain('<meta name="gazette-api-base" content="http://127.0.0.1:4173/fixtures/other/">');
    const ld = jsonLd(html);
    expect(ld.headline).toBe('Hostile <b>markup</b> story');
    expect(ld.description).toBe('Lead with <script>alert(1)</script> inside');
    expect(ld.author.name).toBe('<img src=x onerror=alert(1)>');
    // Only the page's own scripts: the JSON-LD block and index.html's inline and module scripts.
    const scripts = html.match(/<script\b/g)!.length;
    const shell = (await raw(request, `${OTHER_SITE}index.html`)).match(/<script\b/g)!.length;
    expect(scripts).toBe(shell + 1);
    expect(html).not.toMatch(/<(b|img src=x|iframe)\b/);
    // Every link and image: http(s), mailto, or a path on the site (absolute or relative).
    const hrefs = [...html.matchAll(/ (?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(20);
    for (const href of hrefs) {
      const scheme = href.match(/^([a-z][a-z0-9+.-]*):/i)?.[1].toLowerCase();
      expect(scheme === undefined ? !/^[/\\]{2}/.test(href) : ['http', 'https', 'mailto'].includes(scheme), href).toBe(true);
    }
    expect(html).not.toMatch(/(href|src)="(javascript|data):/i);
    // A data: picture is no picture at all, in the page and in the preview tags.
    expect(metas(html, 'twitter:card')).toEqual(['summary']);
    expect(metas(html, 'og:image')).toEqual([]);
  });

  test('every story of the sitemap answers 200 with its own page', async ({ request }) => {
    const urls = await sitemapAddresses(request, OTHER_SITE);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      const html = await raw(request, url);
      expect(html, url).toContain(`<link rel="canonical" href="${url}"`);
    }
  });
});

test.describe('a reader without scripts', () => {
  test.use({ javaScriptEnabled: false, waitForApp: false });

  test('reads a section, follows a story link and reads the article', async ({ page }) => {
    await page.goto('/en/economy');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Economy');
    const stories = page.getByRole('feed').getByRole('article');
    await expect(stories).toHaveCount(12);
    const first = stories.first().getByRole('link').last();
    const title = await first.textContent();
    await first.click();
    await expect(page).toHaveURL(/\/en\/economy\/\d+\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title!);
    await expect(page.locator('.article-body p').first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('link', { name: 'Politics' }).first()).toHaveAttribute('href', '/en/politics');
  });

  test('reads a story in Russian under /news/, links and language kept', async ({ page }) => {
    await page.goto('http://127.0.0.1:4175/news/ru/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    const link = page.getByRole('feed').getByRole('article').first().locator('h2 a');
    await expect(link).toHaveAttribute('href', /^\/news\/ru\//);
    await link.click();
    await expect(page.locator('.article__headline')).toBeVisible();
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:4175\/news\/ru\//);
  });
});

test.describe('the app taking over a published page', () => {
  test.use({ waitForApp: false });

  for (const [name, path, json] of [
    ['an article', STORY, '/api/v1/en/articles/1000.json'],
    ['a section', '/en/economy', '/api/v1/en/feeds/economy/1.json'],
    ['the front page', '/en/', '/api/v1/en/feeds/latest/1.json'],
  ]) {
    test(`${name}: no layout shift, no second request, one headline, no console error`, async ({ page }) => {
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await watchLayoutShifts(page);
      const requests = countRequests(page, /\/api\/v1\/en\/(articles|feeds)\//);
      const response = await page.goto(path);
      expect(await response!.text()).toContain('<div id="boot-shell" data-published>');
      await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
      await expect(page.locator('#main')).toBeVisible();
      // Two frames after the hand-over, so that any shift it caused has been reported.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await page.evaluate(() => (window as any).shifts), String(await page.evaluate(() => (window as any).shifted))).toBe(0);
      expect(requests.get(json)).toBe(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      expect(errors).toEqual([]);
    });
  }

  test('the app draws the page in several tasks, and takes over only once every part is in', async ({ page }) => {
    await page.addInitScript(() => {
      const w = window as any;
      w.laterParts = 0;
      new MutationObserver((records) => {
        for (const record of records) {
          for (const node of record.addedNodes) if (node instanceof Element && node.matches('[data-later]')) w.laterParts++;
          for (const node of record.removedNodes) {
            if (!(node instanceof Element) || node.id !== 'boot-shell' || w.atHandOver) continue;
            // What the reader gets at the hand-over, before any later task has run.
            w.atHandOver = {
              partsToCome: document.querySelectorAll('[data-later]').length,
              footer: document.querySelectorAll('.site-footer').length,
              body: document.querySelectorAll('.article-body').length,
              searchBox: document.querySelectorAll('.search-box').length,
              jsonLd: document.querySelectorAll('head script[type="application/ld+json"]').length,
            };
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(STORY);
    await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.evaluate(() => (window as any).laterParts)).toBeGreaterThan(3);
    expect(await page.evaluate(() => (window as any).atHandOver))
      .toEqual({ partsToCome: 0, footer: 1, body: 1, searchBox: 1, jsonLd: 1 });
  });

  test('other pages\' modules are fetched when the page is idle, and set up at the reader\'s first move', async ({ page }) => {
    const feedModule = /\/gazette-split-feed-[0-9a-f]+\.wasm$/;
    await page.addInitScript(() => {
      const made: string[] = ((window as any).modulesMade = []);
      const instantiate = WebAssembly.instantiateStreaming;
      WebAssembly.instantiateStreaming = async function (source, imports) {
        const response = await source;
        made.push(new URL(response.url).pathname);
        return instantiate.call(WebAssembly, response, imports);
      };
    });
    await page.goto(STORY);
    await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
    const feedEntries = () => page.evaluate((source) => performance.getEntriesByType('resource')
      .filter((e) => new RegExp(source).test(new URL(e.name).pathname) && e.responseEnd > 0)
      .map((e) => ({ by: (e as PerformanceResourceTiming).initiatorType, bytes: (e as PerformanceResourceTiming).transferSize })), feedModule.source);
    // Fetched by a prefetch link once the page is idle, and not set up: the reader has not moved.
    await expect.poll(feedEntries, { timeout: 15_000 }).toEqual([{ by: 'link', bytes: expect.any(Number) }]);
    expect((await feedEntries())[0].bytes).toBeGreaterThan(0);
    const made = () => page.evaluate(() => (window as any).modulesMade as string[]);
    expect((await made()).filter((p) => feedModule.test(p))).toEqual([]);
    // The reader's first move sets it up, from the file already fetched.
    await page.mouse.move(20, 300);
    await expect.poll(async () => (await made()).filter((p) => feedModule.test(p)).length, { timeout: 15_000 }).toBe(1);
    // Its fetch is listed once its body is in, which can be after the module is being set up.
    await expect.poll(async () => (await feedEntries()).slice(1), { timeout: 15_000 }).toEqual([{ by: 'fetch', bytes: 0 }]);
  });

  test('the published page is on screen before the app, and the app draws the same text', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(STORY);
    const published = page.locator('#boot-shell[data-published]');
    await expect(published.locator('h1')).toHaveText(HEADLINE);
    await expect(published.getByRole('link', { name: 'the full report' })).toBeVisible();
    await expect(page.locator('#main')).toHaveCount(1); // the published page's own main
    const text = await published.locator('article').innerText();
    release();
    await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
    await expect(page.locator('.article__headline')).toHaveText(HEADLINE);
    expect(await page.locator('article.article').innerText()).toBe(text);
  });

  test('the reader\'s scroll position, text selection and focus survive the hand-over', async ({ page }) => {
    const release = await holdApp(page);
    await page.goto(STORY);
    const published = page.locator('#boot-shell[data-published]');
    await expect(published.locator('h1')).toHaveText(HEADLINE);
    const link = published.getByRole('link', { name: 'the full report' });
    await link.scrollIntoViewIfNeeded();
    const selected = await published.locator('.article-body p').nth(2).evaluate((p) => {
      getSelection()!.selectAllChildren(p);
      return getSelection()!.toString();
    });
    expect(selected.length).toBeGreaterThan(40);
    await link.focus();
    const scrolled = await page.evaluate(() => scrollY);
    expect(scrolled).toBeGreaterThan(100);
    release();
    await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.evaluate(() => scrollY)).toBe(scrolled);
    expect(await page.evaluate(() => getSelection()!.toString())).toBe(selected);
    await expect(page.getByRole('link', { name: 'the full report' })).toBeFocused();
  });

  for (const path of [STORY, '/en/']) {
    test(`published ${path} has no serious accessibility violations before the app`, async ({ page }) => {
      await page.route(/_bg\.wasm$/, () => new Promise(() => {})); // the app never arrives
      await page.goto(path);
      await expect(page.locator('#boot-shell[data-published] h1')).toBeVisible();
      await expectAccessibleInBothThemes(page);
    });
  }

  for (const [name, path] of [
    ['an article', STORY], ['a later page of a section', '/en/economy/page/2'], ['the front page', '/en/'],
    // Another outlet's story whose translation its API names by id alone (en1's `fr: "fr1"`):
    // publish found fr1's own address, and the app keeps it.
    ['a story with a translation named by id', 'http://127.0.0.1:4176/news/en/local/en1/story-1'],
  ]) {
    test(`${name}: the live head after the hand-over is the published head`, async ({ page, request }) => {
      const html = await raw(request, path);
      await page.goto(path);
      await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
      // What the head module writes, each tag as its name and sorted attributes (the mark aside).
      const headOf = (doc: Document) => {
        const tags = doc.head.querySelectorAll('meta[property], meta[name="description"], meta[name^="twitter:"], '
          + 'link[rel="canonical"], link[rel="alternate"], link[rel="prev"], link[rel="next"], script[type="application/ld+json"]');
        return [`title ${doc.title}`, ...[...tags].map((t) => {
          const attrs = [...t.attributes].filter((a) => a.name !== 'data-published').map((a) => `${a.name}=${a.value}`).sort();
          return `${t.localName} ${attrs.join(' ')} ${t.textContent}`;
        })].sort();
      };
      const publishedHead = await page.evaluate(`(${headOf.toString()})(new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html'))`);
      await expect.poll(() => page.evaluate(`(${headOf.toString()})(document)`)).toEqual(publishedHead);
      expect((publishedHead as string[]).length).toBeGreaterThan(10);
    });
  }

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('controls pressed before the app take effect at once, and the app keeps them, once', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      const release = await holdApp(page);
      await page.goto(STORY);
      const shell = page.locator('#boot-shell[data-published]');
      const html = page.locator('html');
      await shell.getByRole('button', { name: 'Night theme' }).click();
      await expect(html).toHaveAttribute('data-theme', 'dark');
      await shell.getByRole('button', { name: 'Increase text size' }).click();
      await expect(html).toHaveAttribute('data-text-size', '2');
      await shell.getByRole('button', { name: 'Menu' }).click();
      await expect(shell.locator('#site-menu')).toHaveClass(/site-menu--open/);
      await expect(shell.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
      release();
      await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
      // The app's own controls now say the same, and nothing was done twice.
      await expect(page.getByRole('button', { name: 'Night theme' })).toHaveAttribute('aria-pressed', 'true');
      await expect(html).toHaveAttribute('data-theme', 'dark');
      await expect(page.locator('.text-size')).toHaveAttribute('data-step', '2');
      await expect(html).toHaveAttribute('data-text-size', '2');
      await expect(page.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'true');
      await expect(page.getByRole('navigation', { name: 'Sections', exact: true })).toBeVisible();
      expect(await page.evaluate(() => [localStorage.getItem('gazette.theme'), localStorage.getItem('gazette.text-size')])).toEqual(['dark', '2']);
      // And they go on working in the app.
      await page.getByRole('button', { name: 'Increase text size' }).click();
      await expect(html).toHaveAttribute('data-text-size', '3');
      await page.getByRole('button', { name: 'Night theme' }).click();
      await expect(html).toHaveAttribute('data-theme', 'light');
    });
  });

  test('a press under way while the app takes over is not lost: the page waits for it to end', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const release = await holdApp(page);
    await page.goto(STORY);
    const toggle = page.locator('#boot-shell[data-published]').getByRole('button', { name: 'Night theme' });
    const box = (await toggle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    release();
    // The app has drawn the page out of sight (what boot.rs waits for) and a frame has passed
    // since, in which it asks for the hand-over.
    await page.waitForFunction(() => document.querySelector('#boot-shell ~ main')
      && !document.querySelector('#boot-shell ~ [data-later], #boot-shell ~ * [data-later]')
      && !document.querySelector('#boot-shell ~ * .skeleton, #boot-shell ~ .site-header--skeleton'), null, { timeout: 15_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.mouse.up();
    await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Night theme' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await page.evaluate(() => localStorage.getItem('gazette.theme'))).toBe('dark');
  });

  test('a reader with a theme of their own has "Use system theme" from the first paint; it works before the app, without a shift', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.addInitScript(() => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('gazette.theme', 'dark'); } });
    await watchLayoutShifts(page);
    const release = await holdApp(page);
    await page.goto(STORY);
    const shell = page.locator('#boot-shell[data-published]');
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(shell.getByRole('button', { name: 'Use system theme' })).toBeVisible();
    const header = await shell.locator('header').first().boundingBox();
    release();
    await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.locator('header').first().boundingBox(), 'the header is as the published page drew it').toEqual(header);
    expect(await page.evaluate(() => (window as any).shifts)).toBe(0);
    // Pressed before the app arrives, on a fresh load: the page follows the system at once, and the app agrees.
    const again = await holdApp(page);
    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await shell.getByRole('button', { name: 'Use system theme' }).click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(shell.getByRole('button', { name: 'Use system theme' })).toBeHidden();
    again();
    await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
    await expect(page.getByRole('button', { name: 'Night theme' })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('button', { name: 'Use system theme' })).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('gazette.theme'))).toBeNull();
  });

  test('an address publish did not write gets the app through the fallback', async ({ page }) => {
    await page.goto('/en/politics/1000/an-old-slug');
    await expect(page.locator('#boot-shell[data-published]')).toHaveCount(0);
    await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
    await expect(page.locator('.article__headline')).toHaveText(HEADLINE);
    await expect(page).toHaveURL(STORY);
  });
});

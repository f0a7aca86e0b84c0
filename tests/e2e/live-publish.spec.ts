// Issue 16: publishing on a live site. Translations reached at their own addresses, the whole
// archive walked by plain links with scripts off, and the deploy recipe: another outlet published
// over a built site (dist-news-api: dist-news, which holds the demo's pages, published from the
// fixture outlet with --api-base) keeps nothing of the demo.
import type { APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, handedOver } from './helpers';

const OTHER_SITE = 'http://127.0.0.1:4176/news/';
const EN_STORY = `${OTHER_SITE}en/local/en1/story-1`;
/** fr1, en1's translation: its own section and slug, not en1's. */
const FR_STORY = `${OTHER_SITE}fr/arts/fr1/article-hostile`;

async function published(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  const html = await response.text();
  expect(html, `${url} is a page publish wrote, not the app's fallback`).toMatch(/<html lang="[^"]+" data-published>/);
  return html;
}

test.describe('translations whose slugs differ by language', () => {
  test('hreflang and the language switch of a published story lead to its translation’s own published page', async ({ request }) => {
    const html = await published(request, EN_STORY);
    expect(html).toContain(`<link rel="alternate" hreflang="fr" href="${FR_STORY}"`);
    expect(html, 'the language switch').toMatch(/<a href="\/news\/fr\/arts\/fr1\/article-hostile" rel="alternate external" hreflang="fr"/);
    const fr = await published(request, FR_STORY);
    expect(fr).toContain('<h1 class="article__headline">Article hostile</h1>');
    expect(fr).toContain(`<link rel="alternate" hreflang="en" href="${EN_STORY}"`);
    expect(fr.match(/<link rel="alternate" hreflang="fr"/g), 'its own language once').toHaveLength(1);
  });

  test('a reader switching language lands on the translation at its own address', async ({ page }) => {
    await page.goto(EN_STORY);
    await expect(page.locator('.article__headline')).toHaveText('Hostile <b>markup</b> story');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: /FR/ }).click();
    await expect(page).toHaveURL(FR_STORY);
    await handedOver(page); // a new document: its published page and the app both have a headline until then
    await expect(page.locator('.article__headline')).toHaveText('Article hostile');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });
});

test.describe('a reader without scripts', () => {
  test.use({ javaScriptEnabled: false, waitForApp: false });

  test('walks from the front page, page by page, to the oldest story', async ({ page, request }) => {
    await page.goto('/en/');
    const seen = new Set<string>();
    for (let pageNumber = 1; ; pageNumber++) {
      const links = page.getByRole('feed').locator('.story-card__title a');
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
        if (/^\/en\/[^/]+\/\d+\//.test(href)) seen.add(href);
      }
      const next = page.getByRole('link', { name: 'Load more stories' });
      if ((await next.count()) === 0) break;
      expect(pageNumber, 'the walk ends').toBeLessThan(30);
      await next.click();
      await expect(page).toHaveURL(`/en/page/${pageNumber + 1}`);
      await expect(page.getByRole('link', { name: 'Newer stories' })).toBeVisible();
    }
    expect(seen.size, 'every English story of the demo').toBe(168);
    // The last link of the last page is the oldest story, and it opens.
    const index = JSON.parse(await (await request.get('/api/v1/en/search-index.json')).text());
    const oldest = [...index.items].sort((a, b) => Date.parse(a.published_at) - Date.parse(b.published_at))[0];
    const last = page.getByRole('feed').locator('.story-card__title a').last();
    await expect(last).toHaveText(oldest.title);
    await last.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(oldest.title);
  });
});

/** Every file below `dir`, as relative paths. */
function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const relative = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, relative)).isDirectory() ? files(dir, relative) : [relative];
  });
}

test('another outlet published over a built site leaves nothing of the demo, and the app reads its API', async ({ page }) => {
  const left: string[] = [];
  for (const file of files('dist-news-api')) {
    if (/\.(br|gz|wasm|png|jpg)$/.test(file)) continue; // compressed siblings are checked through their files
    const text = readFileSync(join('dist-news-api', file), 'latin1');
    if (text.includes('Highland Ledger') || text.includes('127.0.0.1:4175')) left.push(file);
  }
  expect(left, 'files that still name the demo outlet or its site').toEqual([]);
  expect(files('dist-news-api').filter((f) => f.startsWith('api/')), "the demo's API copy").toEqual([]);
  expect(readFileSync('dist-news-api/robots.txt', 'utf8')).toContain(`Sitemap: ${OTHER_SITE}sitemap.xml`);
  // An address with no published page (search) gets the app, which reads the outlet's API.
  await page.goto(`${OTHER_SITE}en/search?q=story`);
  await expect(page.locator('.search-result').first()).toContainText(/story/i);
  await expect(page.getByRole('link', { name: 'Riverside Post' })).toBeVisible();
});

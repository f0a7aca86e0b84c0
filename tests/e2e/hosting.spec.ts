// Issue 6: hosting under a sub-path, and the files a static host needs.
import { test, expect, sitemapAddresses } from './helpers';
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The test server's reading of `_headers` (a plain JavaScript ES module: imported, not required). */
// @ts-expect-error: plain JavaScript test server
type Rules = [RegExp, string][];
const headerRules = () => import('../server.mjs') as Promise<{
  cacheRulesOf: (text: string) => Rules;
  cacheValuesOf: (rules: Rules, path: string) => string[];
  cacheControlOf: (rules: Rules, path: string) => string | undefined;
}>;

/** Every file under `dir`, as a path relative to it with `/`. */
const filesUnder = (dir: string, at = ''): string[] =>
  readdirSync(join(dir, at)).flatMap((name) =>
    statSync(join(dir, at, name)).isDirectory() ? filesUnder(dir, join(at, name)) : [join(at, name).split('\\').join('/')]);

const NEWS = 'http://127.0.0.1:4175/news/';

test('under /news/ the routes, assets and API base all follow the public URL', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.host === '127.0.0.1:4175' && !u.pathname.startsWith('/news/')) outside.push(u.pathname);
  });
  await page.goto(NEWS);
  await expect(page).toHaveURL(`${NEWS}en/`);
  const first = page.getByRole('feed').getByRole('article').first();
  await expect(first.getByRole('img')).toHaveJSProperty('complete', true);
  await first.getByRole('heading').getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`^${NEWS}en/politics/1000/`));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:4175\/news\/en\/politics\/1000\//);
  await page.getByRole('link', { name: 'RU Русский' }).click();
  await expect(page).toHaveURL(new RegExp(`^${NEWS}ru/politics/2000/`));
  await page.getByRole('navigation', { name: 'Разделы', exact: true }).getByRole('link', { name: 'Спорт' }).click();
  await expect(page).toHaveURL(`${NEWS}ru/sport`);
  await page.goto(`${NEWS}en/culture`); // a deep link, cold
  await expect(page.getByRole('heading', { level: 1, name: 'Culture' })).toBeVisible();
  expect(outside).toEqual([]);
});

test('dist has the files static hosts read', () => {
  const headers = readFileSync('dist/_headers', 'utf8');
  expect(headers).toContain("frame-ancestors 'none'");
  expect(headers).toMatch(/\/gazette-[0-9a-f]{12,16}_bg\.wasm\n  Cache-Control: public, max-age=31536000, immutable/);
  expect(readFileSync('dist/_redirects', 'utf8')).toBe('/* /index.html 200\n');
  expect(readFileSync('dist-news/_redirects', 'utf8')).toBe('/news/* /news/index.html 200\n');
  expect(existsSync('dist/404.html')).toBe(false); // Cloudflare Pages' SPA mode needs none
  const wasm = readFileSync('dist/_headers', 'utf8').match(/\/(gazette-[0-9a-f]{12,16}_bg\.wasm)/)![1];
  expect(existsSync(`dist/${wasm}.br`) && existsSync(`dist/${wasm}.gz`)).toBe(true);
});

test('precompressed files are served to browsers that accept them', async ({ request }) => {
  const res = await request.get('/api/v1/en/search-index.json', { headers: { 'accept-encoding': 'br' } });
  expect(res.headers()['content-encoding']).toBe('br');
  expect((await res.json()).items.length).toBe(168);
  const searcher = await request.get('/pagefind/pagefind.js', { headers: { 'accept-encoding': 'br' } });
  expect(searcher.headers()['content-encoding']).toBe('br');
  expect(await searcher.text()).toContain('pagefind');
});

test('the search index is cached for good where its files are named by their hash, and checked elsewhere', async () => {
  const { cacheRulesOf, cacheControlOf } = await headerRules();
  const headers = readFileSync('dist-news/_headers', 'utf8');
  for (const folder of ['index/*', 'fragment/*', 'filter/*', 'pagefind.*.pf_meta']) {
    expect(headers).toContain(`/news/pagefind/*/${folder}\n  Cache-Control: public, max-age=31536000, immutable`);
  }
  const rules = cacheRulesOf(headers);
  const { shards } = JSON.parse(readFileSync('dist-news/pagefind/en/shards.json', 'utf8'));
  const shard = `dist-news/pagefind/en/${shards[0].folder}`;
  const chunk = readdirSync(`${shard}/index`)[0];
  const checked = ['pagefind/pagefind.js', 'pagefind/en/shards.json', `pagefind/en/${shards[0].folder}/pagefind-entry.json`, `pagefind/en/${shards[0].folder}/wasm.en.pagefind`];
  for (const file of checked) expect(cacheControlOf(rules, `/news/${file}`), file).toBe('no-cache');
  expect(cacheControlOf(rules, `/news/pagefind/en/${shards[0].folder}/index/${chunk}`)).toBe('public, max-age=31536000, immutable');
  expect(shards.length, 'the demo is cut into shards').toBeGreaterThan(1);
  for (const { folder } of shards) {
    const entry = JSON.parse(readFileSync(`dist-news/pagefind/en/${folder}/pagefind-entry.json`, 'utf8'));
    const meta = `dist-news/pagefind/en/${folder}/pagefind.${entry.languages.en.hash}.pf_meta`;
    expect(existsSync(meta), `${meta}: each shard's entry names its index's files, which are there`).toBe(true);
  }
});

// A host applies every rule a path matches and joins a header two set (Cloudflare Pages), so a
// file two Cache-Control rules cover would be `no-cache, …, immutable`: checked every time.
test('no file the build or publish writes is given Cache-Control by two rules of _headers', async () => {
  const { cacheRulesOf, cacheValuesOf, cacheControlOf } = await headerRules();
  for (const [dir, base] of [['dist', '/'], ['dist-news', '/news/']]) {
    const rules = cacheRulesOf(readFileSync(`${dir}/_headers`, 'utf8'));
    const twice = filesUnder(dir)
      .map((file) => `${base}${file}`)
      .filter((path) => cacheValuesOf(rules, path).length > 1);
    expect(twice, `${dir}: paths that two rules give a Cache-Control`).toEqual([]);
    expect(cacheControlOf(rules, `${base}index.html`)).toBe('no-cache');
  }
});

test('the built policy opens fetches and images to no local host, unless the API base is one', () => {
  for (const file of ['dist/index.html', 'dist/_headers', 'dist-news/index.html']) {
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Content-Security-Policy');
    expect(text, file).not.toMatch(/localhost|127\.0\.0\.1/);
  }
  // dist-news-api: the same build published from http://127.0.0.1:4173/fixtures/other/ with --api-base.
  const policy = readFileSync('dist-news-api/_headers', 'utf8').match(/Content-Security-Policy: (.*)/)![1];
  expect(policy).toContain("connect-src 'self' https: http://127.0.0.1:4173;");
  expect(policy).toContain("img-src 'self' https: data: http://127.0.0.1:4173;");
  expect(policy).not.toContain('localhost');
  expect(readFileSync('dist-news-api/index.html', 'utf8')).toContain('<meta name="gazette-api-base" content="http://127.0.0.1:4173/fixtures/other/">');
});

test('an API on another origin works under the policy publish --api-base writes', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) violations.push(m.text()); });
  const other = 'http://127.0.0.1:4176/news/';
  await page.goto(other);
  await expect(page).toHaveURL(`${other}en/`);
  await expect(page.getByRole('link', { name: 'Riverside Post' })).toBeVisible();
  await page.getByRole('feed').getByRole('link', { name: 'Story number 3' }).click();
  await expect(page.locator('.article__headline')).toHaveText('Story number 3');
  expect(violations).toEqual([]);
});

// The build publishes the demo API (./x build, README "Publishing"): its sitemaps, feeds and
// robots.txt are served beside the app, with absolute URLs on the site's own public URL.
for (const [origin, base] of [['http://127.0.0.1:4173', '/'], ['http://127.0.0.1:4175', '/news/']]) {
  test(`the published sitemap, feeds and robots.txt at ${base} list the stories with absolute URLs`, async ({ request }) => {
    const site = `${origin}${base}`;
    const robots = await (await request.get(`${site}robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${site}sitemap.xml`);
    const locs = await sitemapAddresses(request, site);
    expect(locs.filter((l) => /\/(en|ru|hy|az)\/[^/]+\/\d+\//.test(l))).toHaveLength(4 * 168);
    expect(locs.every((l) => l.startsWith(site))).toBe(true);
    expect(locs).toContain(`${site}en/politics/1000/opposition-parties-debate-runs-late-into-the-night-0`);
    const feed = await request.get(`${site}feeds/ru/politics.xml`);
    expect(feed.headers()['content-type']).toContain('xml');
    const entries = [...(await feed.text()).matchAll(/<entry><title>([^<]*)<\/title><id>([^<]*)<\/id>/g)];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every(([, , id]) => id.startsWith(`${site}ru/politics/`))).toBe(true);
  });
}

test('a published story URL opens its article', async ({ page, request }) => {
  const locs = await sitemapAddresses(request, 'http://127.0.0.1:4173/');
  const url = locs.find((l) => l.startsWith('http://127.0.0.1:4173/hy/culture/'))!;
  await page.goto(url);
  await expect(page.locator('.article__headline')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'hy');
});

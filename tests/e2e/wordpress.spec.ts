// Issue 19: a site published from a real WordPress (Debian's packages, started and seeded by
// tests/wordpress/start.sh from ./x test, published into dist-wp and served on port 4177).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { test, expect, expectAccessibleInBothThemes, settled } from './helpers';

const SITE = 'http://127.0.0.1:4177';
/** Where ./x test starts the test WordPress (tests/wordpress/start.sh), on a port browsers and
 * fetch allow (4190, say, is on their list of unsafe ports). */
const WORDPRESS = { folder: 'target/wordpress', api: 'http://127.0.0.1:4178/wp-json/' };

/** The address of the published story whose WordPress slug is `slug`, from the published feeds. */
function storyPath(dir: string, slug: string): string | undefined {
  const index = JSON.parse(readFileSync(join(dir, 'api/v1/en/search-index.json'), 'utf8'));
  const story = index.items.find((s: { slug: string }) => s.slug === slug);
  return story && `/en/${story.section}/${story.id}/${story.slug}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('a story has its title, byline, date in the site’s zone, picture and every body block', async ({ page }) => {
  await page.goto(SITE + storyPath('dist-wp', 'council-approves-harbour-plan'));
  const article = page.locator('article.article');
  await expect(article.locator('h1')).toHaveText('Council approves the harbour plan');
  await expect(article.locator('.article__byline')).toContainText('Ani Petrosyan');
  await expect(article.locator('.article__meta time')).toHaveAttribute('datetime', '2026-11-30T09:15:00+04:00');
  await expect(article.locator('.article__meta time')).toContainText(/30 November 2026.*09:15/);
  await expect(article.locator('.figure img').first()).toHaveAttribute('src', /harbour\.png$/);
  // The picture loads from WordPress itself (its origin in img-src when it is http:).
  await expect(article.locator('.figure img').first()).toHaveJSProperty('naturalWidth', 1200);
  await expect(article.locator('.article__views'), 'WordPress counts no views').toHaveCount(0);
  const body = article.locator('.article-body');
  await expect(body.locator('strong').first()).toHaveText('seven to two');
  await expect(body.getByRole('link', { name: 'published record' })).toHaveAttribute('href', 'https://example.org/minutes');
  await expect(body.locator('h2')).toHaveText('What the plan says');
  await expect(body.locator('h3')).toHaveText('Fourth-level detail');
  await expect(body.locator('.quote figcaption')).toHaveText('A fisherman at the meeting');
  await expect(body.locator('.figure img')).toHaveCount(3);
  await expect(body.locator('ol li')).toHaveText(['Design', 'Tender', 'Build']);
  const table = body.getByRole('region', { name: 'Phase, Cost' });
  await expect(table.locator('th')).toHaveText(['Phase', 'Cost']);
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(body.locator('pre')).toHaveText('Vote:   7 for\n        2 against');
  await expect(body.getByRole('link', { name: 'The meeting, recorded' })).toHaveAttribute('href', /youtube\.com\/watch/);
  await expect(page.getByRole('contentinfo')).toContainText('may be reused with a link');
});

test('a story with every block from WordPress has no serious accessibility violations, in both themes', async ({ page }) => {
  await page.goto(SITE + storyPath('dist-wp', 'council-approves-harbour-plan'));
  await expect(page.getByRole('region', { name: 'Phase, Cost' })).toBeVisible();
  await settled(page);
  await expectAccessibleInBothThemes(page);
});

test('hostile markup from WordPress is text: no script runs, no handler, no javascript: or data: link', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(SITE + storyPath('dist-wp', 'hostile-markup'));
  await expect(page.locator('h1')).toHaveText('Hostile markup');
  const main = page.locator('main');
  await expect(main).toContainText('Hover text stays text.');
  await main.getByText('Hover text stays text.').hover();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  for (const selector of ['script', 'style', 'iframe', 'form', 'input', '[onerror]', '[onclick]', '[onmouseover]',
    'a[href^="javascript:"]', 'a[href^="data:"]', 'img[src="x"]']) {
    await expect(main.locator(selector), selector).toHaveCount(0);
  }
  await expect(main.getByRole('link', { name: 'a safe link' })).toHaveAttribute('href', 'https://example.org/safe');
  expect(errors).toEqual([]);
});

test('drafts, private, scheduled and password-protected posts and pages are nowhere in what was published', async () => {
  const never = ['Draft story', 'Private story', 'Scheduled story', 'Password story', 'About us page', 'draft-story',
    'private-story', 'scheduled-story', 'password-story', 'about-us'];
  const texts = filesUnder('dist-wp').filter((f) => /\.(html|json|xml|txt)$/.test(f));
  expect(texts.length).toBeGreaterThan(50);
  for (const file of texts) {
    const text = readFileSync(file, 'utf8');
    for (const word of never) expect(text.includes(word), `${word} in ${file}`).toBe(false);
  }
  const sitemap = readFileSync('dist-wp/sitemap-en-1.xml', 'utf8');
  expect(sitemap).toContain('/council-approves-harbour-plan');
});

test('sections come in the newsroom’s order and a section’s page lists its stories', async ({ page }) => {
  await page.goto(`${SITE}/en/`);
  const nav = page.getByRole('navigation', { name: 'Sections' }).first();
  await expect(nav.getByRole('link')).toHaveText(['Politics', 'Culture']);
  await nav.getByRole('link', { name: 'Culture' }).click();
  await expect(page).toHaveURL(`${SITE}/en/culture`);
  await expect(page.getByRole('feed').locator('.story-card__title').first()).toHaveText('Hostile markup');
  await expect(page.getByText('Stages, books & the people behind them.')).toBeVisible();
});

test('a link to another post on the WordPress site leads to its page here', async ({ page }) => {
  await page.goto(SITE + storyPath('dist-wp', 'budget-for-the-theatre'));
  await page.locator('.article-body').getByRole('link', { name: 'the harbour plan' }).click();
  await expect(page).toHaveURL(SITE + storyPath('dist-wp', 'council-approves-harbour-plan'));
  await expect(page.locator('h1')).toHaveText('Council approves the harbour plan');
});

test('search finds a word from a story’s body', async ({ page }) => {
  await page.goto(`${SITE}/en/search?q=fisherman`);
  await expect(page.locator('.search-result__title, .story-card__title').first()).toHaveText('Council approves the harbour plan');
});

test.describe('publishing again after WordPress changed', () => {
  test('an added post gets a page, an edited post shows its new text, a deleted post loses its page', async () => {
    const running = await fetch(WORDPRESS.api).then((r) => r.ok, () => false);
    expect(running, `the test WordPress answers at ${WORDPRESS.api} (./x test starts it: tests/wordpress/start.sh)`).toBe(true);
    const dir = test.info().outputPath('site');
    cpSync('dist-wp', dir, { recursive: true });
    const { serve } = await import('../server.mjs');
    const server = await serve({ dir, port: 0 });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const wordpress = (...args: string[]) =>
      execFileSync('php', [join(process.cwd(), 'tests/wordpress/change.php'), ...args], { cwd: join(WORDPRESS.folder, 'site') });
    const publish = () =>
      execFileSync('target/publisher/publish', ['--wordpress', `en=${WORDPRESS.api}`, '--newsroom', 'tests/wordpress/newsroom.json',
        '--out', dir, '--site-url', `${SITE}/`], { encoding: 'utf8' });
    const page = async (path: string) => (await fetch(origin + path)).text();
    try {
      const slug = `added-${Date.now()}`;
      const text = `The ferry now runs ${Date.now() % 1000} times a day.`;
      wordpress('add', slug, `Added story ${slug}`);
      wordpress('edit', 'ferry-timetable-winter', text);
      const said = publish();
      expect(said, 'a re-run reads only what changed').toMatch(/en: 2 posts read in \d requests/);
      const added = storyPath(dir, slug)!;
      expect(added).toMatch(/^\/en\/politics\//);
      expect(await page(added)).toContain(`<h1 class="article__headline">Added story ${slug}</h1>`);
      expect(await page(storyPath(dir, 'ferry-timetable-winter')!)).toContain(text);

      wordpress('delete', slug);
      publish();
      expect(storyPath(dir, slug)).toBeUndefined();
      expect(existsSync(join(dir, `${added}.html`)), 'its page is removed').toBe(false);
      expect(await page(added), 'the host answers with the app').not.toMatch(/<html lang="[^"]+" data-published>/);
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Issue 18: the whole archive searched from a static host, through each language's Pagefind
// bundle that publish writes (src/publish/search_index.rs, src/pagefind.rs).
import { readFileSync } from 'node:fs';
import { test, expect, countRequests } from './helpers';

const results = (page) => page.locator('.search-result');

/** The demo's en search index as published: its shard list (`shards.json`, newest first). */
const enShards = () => JSON.parse(readFileSync('dist/pagefind/en/shards.json', 'utf8'));
/** Each en shard's folder, newest first. */
const enFolders = () => enShards().shards.map((s) => s.folder);
/** The address of an en shard's entry file, which the searcher fetches when it joins the shard. */
const entry = (folder) => `/pagefind/en/${folder}/pagefind-entry.json`;
/** The address of an en words index block's entry file, fetched when the block is joined. */
const wordsEntry = (folder) => `/pagefind/en/words/${folder}/pagefind-entry.json`;

test('a word found only in a story\'s body finds it, and its result opens that story', async ({ page }) => {
  await page.goto('/en/search?q=correspondent');
  const first = results(page).first();
  await expect(first.locator('.search-result__excerpt mark').first()).toHaveText('correspondent');
  await expect(first.locator('.search-result__title')).not.toContainText('correspondent');
  await expect(first.locator('.search-result__section')).not.toBeEmpty();
  await expect(first.locator('time')).toBeVisible();
  const title = await first.locator('.search-result__title').innerText();
  await first.getByRole('link').click();
  await expect(page.locator('.article__headline')).toHaveText(title);
  await expect(page.locator('.article')).toContainText('Our correspondent filed this from Şəki and Bakı');
});

for (const [lang, query, marked] of [
  ['en', 'SEKI', 'Şəki'],
  ['en', 'Baki', 'Bakı,'],
  ['en', 'елочный', 'Ёлочный'],
  ['az', 'SEKI', 'Şəki'],
  ['az', 'baki', 'Bakı'],
  ['ru', 'ЁЛОЧНЫЙ', '«Ёлочный'],
  ['ru', 'елочный', '«Ёлочный'],
  ['hy', 'ԴԻԼԻՋԱՆԻՑ', 'Դիլիջանից,'],
]) {
  test(`${lang}: “${query}” finds “${marked}”, whatever the case and diacritics`, async ({ page }) => {
    await page.goto(`/${lang}/search?q=${encodeURIComponent(query)}`);
    await expect(results(page).first().locator('mark').first()).toHaveText(marked);
  });
}

test('nothing found is said in the page\'s language', async ({ page }) => {
  // (A word the archive does not have is left out of a query that has others: Pagefind's way.)
  await page.goto('/en/search?q=zebraxyz%20qqqz');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Nothing found for “zebraxyz qqqz”.');
  await page.goto('/az/search?q=zebraxyz');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('“zebraxyz” üzrə heç nə tapılmadı.');
});

test('a query with markup characters stays text', async ({ page }) => {
  const query = '<qqqz>';
  await page.goto(`/en/search?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole('main').getByRole('status')).toContainText(query);
  await expect(page.locator('.search-page qqqz')).toHaveCount(0);
});

test('typing updates the results; the searcher is fetched on intent, never by other pages', async ({ page }) => {
  const fetched = countRequests(page, /\/pagefind\//);
  await page.goto('/en/');
  await page.goto('/en/politics/1000/x');
  expect([...fetched.keys()], 'a feed and a story fetch nothing of search').toEqual([]);
  await page.getByRole('searchbox').focus();
  const searcher = (paths: string[]) => paths.filter((path) => /^\/pagefind\/pagefind\.js$/.test(path));
  await expect.poll(() => searcher([...fetched.keys()]).length).toBe(1);
  await page.getByRole('searchbox').fill('wrestl');
  await page.getByRole('searchbox').press('Enter');
  await expect(page).toHaveURL(/\/en\/search\?q=wrestl$/);
  await expect(results(page).first()).toContainText('wrestlers');
  const input = page.locator('#search-page-input');
  await input.fill('');
  await expect(page.getByText('Type a word or two to search the archive.')).toBeVisible();
  await input.pressSequentially('council');
  await expect(page).toHaveURL(/q=council$/);
  await expect(results(page).first().locator('mark').first()).toHaveText(/council/i);
  const [loaded] = searcher([...fetched.keys()]);
  expect(searcher([...fetched.keys()]), 'one searcher for every shard').toEqual([loaded]);
  expect(fetched.get(loaded), 'the searcher is loaded once').toBe(1);
});

test('a query typed after a pause is searched at once, not held back as typing', async ({ page }) => {
  // Keystrokes within DEBOUNCE_MS (src/pagefind.rs, 120 ms) of the last search wait for typing to
  // pause; a query after a pause must not. The page's timers of that length are what a wait is.
  await page.addInitScript(() => {
    const setTimeout = window.setTimeout;
    (window as any).waits = [];
    window.setTimeout = ((handler, ms, ...args) => {
      if (Number(ms) >= 100) (window as any).waits.push(ms);
      return setTimeout(handler, ms, ...args);
    }) as typeof window.setTimeout;
  });
  await page.goto('/en/search?q=budget');
  await expect(results(page).first().locator('mark').first()).toHaveText(/budget/i);
  // The reader pauses: longer than the debounce since the last search began.
  const answered = await page.evaluate(() => performance.now());
  await page.waitForFunction((since) => performance.now() > since + 200, answered);
  await page.evaluate(() => ((window as any).waits = []));
  await page.locator('#search-page-input').fill('council');
  await expect(results(page).first().locator('mark').first()).toHaveText(/council/i);
  expect(await page.evaluate(() => (window as any).waits), 'no wait for typing to pause').toEqual([]);
});

test('the browser\'s text-breaking rules are loaded before the first query, not during it', async ({ page }) => {
  // Pagefind makes an Intl.Segmenter for every query, and a page's first one loads the rules
  // (30-70 ms of the page's thread): index.html makes one while the searcher loads.
  await page.addInitScript(() => {
    const Segmenter = Intl.Segmenter;
    (window as any).segmenters = 0;
    Intl.Segmenter = class extends Segmenter {
      constructor(...args: ConstructorParameters<typeof Segmenter>) {
        super(...args);
        (window as any).segmenters += 1;
      }
    };
  });
  await page.goto('/en/search');
  const made = () => page.evaluate(() => (window as any).segmenters);
  await expect.poll(made, { message: 'one is made before any query' }).toBeGreaterThan(0);
  const before = await made();
  await page.locator('#search-page-input').fill('council');
  await expect(results(page).first().locator('mark').first()).toHaveText(/council/i);
  expect(await made(), 'the searcher makes its own for a query').toBeGreaterThan(before);
});

test('while a query is being answered, nothing is said of it before its answer', async ({ page }) => {
  let asked!: () => void;
  const requested = new Promise<void>((r) => (asked = r));
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/pagefind\/en\/\d+\/index\//, async (route) => {
    asked();
    await held;
    await route.fallback();
  });
  await page.goto('/en/search');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Type a word or two to search the archive.');
  await page.locator('#search-page-input').fill('council');
  await requested; // the query is being answered: its index chunk is on its way
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Type a word or two to search the archive.');
  await expect(page.getByText(/Nothing found/)).toHaveCount(0);
  release();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/^Results: \d+\+?$/);
});

test('"Show more" adds the next results', async ({ page }) => {
  await page.goto('/en/search?q=budget');
  await expect(results(page)).toHaveCount(10);
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(results(page)).toHaveCount(20);
});

test('the newest shard answers first; older shards are joined only as more results are wanted', async ({ page }) => {
  // The demo is published in shards of 40 stories (./x build): en's 168 make five.
  const folders = enFolders();
  expect(folders.length).toBeGreaterThan(2);
  const entries = countRequests(page, /\/pagefind-entry\.json$/);
  const status = page.getByRole('main').getByRole('status');
  const titles = results(page).locator('.search-result__title');
  await page.goto('/en/search?q=budget');
  await expect(results(page)).toHaveCount(10);
  await expect(status, 'older shards may hold more').toHaveText(/^Results: \d+\+$/);
  expect([...entries.keys()]).toContain(entry(folders[0]));
  expect([...entries.keys()], 'the oldest shard is not fetched for a common word').not.toContain(entry(folders.at(-1)));
  // index.html starts the searcher and its first join before the app; the app asks again. The
  // older shards' searcher is made over the newest shard too, as the page loads.
  const once = Object.fromEntries([...entries.keys()].map((k) => [k, k === entry(folders[0]) ? 2 : 1]));
  expect(Object.fromEntries(entries), 'each shard is joined once, and two searchers made').toEqual(once);
  const first = await titles.allInnerTexts();
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(results(page)).toHaveCount(20);
  expect((await titles.allInnerTexts()).slice(0, 10), 'the results shown keep their places').toEqual(first);
  // Only the oldest shard has this word.
  await page.locator('#search-page-input').fill('olympiad');
  await expect(titles.first()).toContainText(/chess olympiad/i);
  await expect(status, 'every shard searched: the count is whole').toHaveText(/^Results: \d+$/);
  expect([...entries.keys()]).toContain(entry(folders.at(-1)));
});

/** Records, in order, each request for the newest en shard's entry (a searcher made over it, or
 * joining it) and the end of each download of Pagefind's WebAssembly. */
function searcherEvents(page) {
  const newest = entry(enFolders()[0]);
  const events: string[] = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === newest) events.push('entry'); });
  page.on('requestfinished', (r) => { if (/\/pagefind\/.*wasm/.test(new URL(r.url()).pathname)) events.push('wasm in'); });
  return events;
}

test('the older shards\' searcher is made as the search page loads, once the first searcher\'s WebAssembly is in', async ({ page }) => {
  // The demo's en archive has more shards than the newest shards' searcher holds.
  const events = searcherEvents(page);
  await page.goto('/en/search');
  // Made before any query: two searchers over the newest shard. Pagefind loads its WebAssembly
  // once a page; a second searcher made while it loads would load it again, over the first's.
  await expect.poll(() => events.filter((e) => e === 'entry').length, 'two searchers made').toBe(2);
  expect(events.indexOf('wasm in'), 'the WebAssembly in before the second searcher is made').toBeLessThan(events.lastIndexOf('entry'));
  expect(events.indexOf('wasm in')).toBeGreaterThan(events.indexOf('entry'));
  // A word the newest shards lack, whose shards the words index's newest block names, joins them
  // into it: no third searcher.
  await page.locator('#search-page-input').fill('parliament');
  await expect(results(page).locator('.search-result__title').first()).toContainText(/parliament/i);
  expect(events.filter((e) => e === 'entry').length).toBe(2);
});

test('the search box of another page makes the older shards\' searcher after the first\'s WebAssembly is in', async ({ page }) => {
  const events = searcherEvents(page);
  await page.goto('/en/politics/1000/x');
  await page.getByRole('searchbox').focus();
  await expect.poll(() => events.filter((e) => e === 'entry').length, 'two searchers made').toBe(2);
  expect(events.indexOf('wasm in'), 'the WebAssembly in before the second searcher is made').toBeLessThan(events.lastIndexOf('entry'));
  expect(events.indexOf('wasm in')).toBeGreaterThan(events.indexOf('entry'));
});

test('a word few stories have is answered by the newest shards that find it; "Show more" searches the rest', async ({ page }) => {
  // In the demo's en shards of 40 (newest first), "marathon" is in fewer than a page's worth of
  // stories of the two newest and of the two after them, and in the oldest.
  const folders = enFolders();
  expect(folders.length).toBe(5);
  const entries = countRequests(page, /\/pagefind-entry\.json$/);
  const status = page.getByRole('main').getByRole('status');
  await page.goto('/en/search?q=marathon');
  await expect(status, 'answered before every shard is searched').toHaveText(/^Results: \d+\+$/);
  const shown = await results(page).count();
  expect(shown, 'fewer than a page: the newest shards, which found them, answer').toBeLessThan(10);
  // The words index's newest block is searched with them: its records are not stories.
  await expect(status, 'the stories shown are those counted').toHaveText(`Results: ${shown}+`);
  const links = await results(page).locator('.search-result__title a').evaluateAll((all) => all.map((a) => a.getAttribute('href')));
  for (const href of links) expect(href, 'every result a story').toMatch(/^\/en\/[^/]+\/\d+\//);
  const shards = [...entries.keys()].filter((path) => !path.includes('/words/'));
  expect(shards.sort(), 'the newest shards alone').toEqual(folders.slice(0, 2).map(entry).sort());
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(status, 'every shard searched').toHaveText(/^Results: \d+$/);
  expect(await results(page).count(), 'the oldest shard adds its stories').toBeGreaterThan(shown);
  expect([...entries.keys()]).toContain(entry(folders.at(-1)));
});

test('after a word only the oldest shard has, a common word is answered by the newest shards again', async ({ page }) => {
  const status = page.getByRole('main').getByRole('status');
  const titles = results(page).locator('.search-result__title');
  await page.goto('/en/search?q=budget');
  await expect(results(page)).toHaveCount(10);
  await expect(status).toHaveText(/^Results: \d+\+$/);
  const fresh = { said: await status.innerText(), titles: await titles.allInnerTexts() };
  // Joins every shard.
  await page.locator('#search-page-input').fill('olympiad');
  await expect(status, 'every shard searched').toHaveText(/^Results: \d+$/);
  await expect(titles.first()).toContainText(/chess olympiad/i);
  // Searched in the newest shards alone, as on a fresh page, not in every shard joined so far.
  await page.locator('#search-page-input').fill('budget');
  await expect(status).toHaveText(fresh.said);
  expect(await titles.allInnerTexts()).toEqual(fresh.titles);
});

test('a word only the oldest shard has is looked up there alone, and a word no story has in no older shard', async ({ page }) => {
  // The demo's en shards of 40 stories, newest first: the newest holds fewer than the one before
  // it, so both answer first; the words index (src/publish/search_words.rs) names the others.
  const listed = enShards();
  const folders = listed.shards.map((s) => s.folder);
  expect(folders.length, 'two shards in the middle').toBeGreaterThan(3);
  expect(listed.words.length, 'a words index').toBeGreaterThan(0);
  expect(listed.words.length, 'blocks of the words index').toBeGreaterThan(1);
  const entries = countRequests(page, /\/pagefind-entry\.json$/);
  const wasm = countRequests(page, /\/pagefind\/.*wasm/);
  const status = page.getByRole('main').getByRole('status');
  await page.goto('/en/search?q=olympiad');
  await expect(results(page).locator('.search-result__title').first()).toContainText(/chess olympiad/i);
  await expect(status, 'every shard that may hold it searched: the count is whole').toHaveText(/^Results: \d+$/);
  expect([...entries.keys()]).toContain(entry(folders.at(-1)));
  for (const block of listed.words) {
    expect([...entries.keys()], `block ${block.folder} asked`).toContain(wordsEntry(block.folder));
  }
  // Every searcher, the words index's too, is made over the newest shard: one WebAssembly.
  expect([...wasm.keys()]).toEqual([`/pagefind/en/${folders[0]}/wasm.en.pagefind`]);
  for (const middle of folders.slice(2, -1)) {
    expect([...entries.keys()], `shard ${middle} has no olympiad and is not joined`).not.toContain(entry(middle));
  }
  entries.clear();
  await page.locator('#search-page-input').fill('zebraxyz');
  await expect(status).toHaveText('Nothing found for “zebraxyz”.');
  await page.goto('/en/search?q=qqqzebra');
  await expect(status).toHaveText('Nothing found for “qqqzebra”.');
  const joined = [...entries.keys()].filter((path) => /\/pagefind\/en\/\d+\//.test(path));
  expect(joined, 'on a fresh page, only the newest shards').toEqual([entry(folders[0]), entry(folders[1])]);
});

test('a word the words index\'s newest block names a shard for is looked up without the older blocks', async ({ page }) => {
  // "parliament": no story of the two newest shards has it, one of the third newest has, as do
  // older ones. The demo's words index is in blocks of two closed shards, newest first.
  const listed = enShards();
  expect(listed.words.length, 'blocks of the words index').toBeGreaterThan(1);
  const entries = countRequests(page, /\/pagefind-entry\.json$/);
  const status = page.getByRole('main').getByRole('status');
  await page.goto('/en/search?q=parliament');
  await expect(results(page).locator('.search-result__title').first()).toContainText(/parliament/i);
  await expect(status, 'older blocks not asked: there may be more').toHaveText(/^Results: \d+\+$/);
  const asked = () => [...entries.keys()].filter((path) => path.includes('/words/'));
  expect(asked()).toEqual([wordsEntry(listed.words[0].folder)]);
  // The newest block answers in the newest shards' searcher: besides it, only the older shards'
  // searcher is made (each is made over the newest shard), none for the words index.
  expect(entries.get(entry(listed.shards[0].folder)), 'two searchers made').toBe(2);
  const first = await results(page).count();
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(status, 'every block asked, every shard named searched').toHaveText(/^Results: \d+$/);
  expect(asked().sort()).toEqual(listed.words.map((block) => wordsEntry(block.folder)).sort());
  expect(await results(page).count(), 'the older shards\' stories too').toBeGreaterThan(first);
});

test('a quoted phrase whose stories are in the oldest shard alone finds them', async ({ page }) => {
  // The words index holds words, not their order: a phrase is asked of it as its words.
  await page.goto('/en/search?q=' + encodeURIComponent('"chess olympiad"'));
  await expect(results(page).locator('.search-result__title').first()).toContainText(/chess olympiad/i);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/^Results: \d+$/);
});

test('a search index that fails to load has its own message and retry', async ({ page }) => {
  let fail = true;
  await page.route(/\/pagefind\/pagefind\.js$/, (route) => (fail ? route.fulfill({ status: 500, body: '' }) : route.fallback()));
  await page.goto('/en/search?q=budget');
  await expect(page.getByRole('alert')).toContainText('The search archive could not be loaded.');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(results(page).first()).toBeVisible();
});

test('an older shard that fails to load mid-search has the message and a retry that finds its stories', async ({ page }) => {
  const folders = enFolders();
  let fail = true;
  await page.route(new RegExp(`/pagefind/en/${folders.at(-1)}/pagefind-entry\\.json`), (route) => (fail ? route.fulfill({ status: 500, body: '' }) : route.fallback()));
  // Only the oldest shard has this word: the search joins every shard, and the last one fails.
  await page.goto('/en/search?q=olympiad');
  await expect(page.getByRole('alert')).toContainText('The search archive could not be loaded.');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(results(page).locator('.search-result__title').first()).toContainText(/chess olympiad/i);
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/^Results: \d+$/);
});

test('another outlet under a sub-path searches its own stories, markup shown as text', async ({ page }) => {
  const site = 'http://127.0.0.1:4176/news/';
  const fetched = countRequests(page, /\/pagefind\//);
  await page.goto(`${site}en/search?q=evil`);
  await expect(results(page)).toHaveCount(1);
  await expect(results(page).locator('.search-result__title')).toHaveText('Hostile <b>markup</b> story');
  await expect(results(page).locator('.search-result__excerpt mark')).toHaveText('evil');
  await expect(results(page).getByRole('link')).toHaveAttribute('href', '/news/en/local/en1/story-1');
  const own = (path: string) => path.startsWith('/news/pagefind/en/') || path === '/news/pagefind/pagefind.js';
  expect([...fetched.keys()].filter((path) => !own(path)), 'its own index and searcher only').toEqual([]);
  await page.goto(`${site}en/search?q=%D0%95%D0%9B%D0%9A%D0%90`); // ЕЛКА
  await expect(results(page).locator('mark').first()).toHaveText('ёлка');
  await results(page).first().getByRole('link').click();
  await expect(page.locator('.article__headline')).toHaveText('Новогодняя ёлка на площади');
  await page.goto(`${site}en/search?q=budget`);
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Nothing found for “budget”.');
});

// ./x bench, search part (BENCH_ONLY=search): the Pagefind indexes publish writes, for the demo
// outlet and for a generated outlet of 100,000 stories: 80,000 in English (BENCH_SEARCH_STORIES
// sets another count) and 10,000 each in Russian and Armenian, one every 7 minutes, bodies of
// about 600 words from a Zipf-distributed vocabulary. Publish cuts each language's index into
// shards of 600 stories (src/publish/search_shards.rs), so its indexer never holds more than one
// shard (it holds about 300 KB per such story: one index of 100,000 ran out of this machine's
// 24 GB, Pagefind issue #842). Prints the index build time, its peak memory and size, the time to
// index again after the newest story is corrected, then for ten fixed queries in headless
// Chromium the bytes fetched and the time from the keystroke to the first results painted, on a
// cold cache (a new browser context per run, the median of three runs) and warm (the same page,
// the searcher loaded). The queries are measured twice, each time beside the old path: over HTTP/1.1
// (six connections to the host, requests beyond them wait) and over HTTP/2 with TLS, as a CDN
// serves the site (every request at once on one connection; the test certificate, made with
// openssl, is trusted by its key's hash, so that the browser caches as it does for a real one).
// Side by side, in the same run, the path search took before (one `search-index.json` per
// language, downloaded whole): its bytes over the wire, and its floor in time (download,
// JSON.parse and a scan in JavaScript, which the Rust app did more slowly). Prints figures;
// asserts nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { spawnServer } from '../tests/server.mjs';
import { median } from './lighthouse.mjs';

const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WORK = 'bench/out/search';
const API = join(WORK, 'api');
const SITE = join(WORK, 'site');
const PORT = 4184;
/** How many times each query is measured cold (the median is printed). */
const COLD_RUNS = 3;
const PUBLISHER = 'target/publisher/publish';
const STORIES = { en: Number(process.env.BENCH_SEARCH_STORIES ?? 80_000), ru: 10_000, hy: 10_000 };

/** A deterministic pseudo-random source (mulberry32). */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = {
  en: 'ba be bi bo bu ca ce co da de di do fa fe fi ga go ha he hi ka ke ko la le li lo lu ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi wa we ya zo'.split(' '),
  ru: 'ба бе би бо ва ве ви во га ге го да де ди до жа за зе зи ка ке ки ко ла ле ли ло ма ме ми мо на не ни но па пе пи по ра ре ри ро са се си со та те ти то ёл ёж'.split(' '),
  hy: 'բա բե բի բո գա գե գի դա դե դի զա զե կա կե կի լա լե լի մա մե մի նա նե նի պա պե պի ռա ռե սա սե սի տա տե տի վա վե րա րե րի'.split(' '),
};

/** 30,000 distinct words of a language, the most frequent first, and a Zipf sampler over them. */
function vocabulary(lang) {
  const next = random(lang.charCodeAt(0) * 7919);
  const syllables = SYLLABLES[lang];
  const words = new Set();
  while (words.size < 30_000) {
    const n = 1 + Math.floor(next() * 4);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(next() * syllables.length)];
    if (w.length > 2) words.add(w);
  }
  const list = [...words];
  const cumulative = [];
  let sum = 0;
  for (let r = 1; r <= list.length; r++) cumulative.push((sum += 1 / r));
  const sample = (u) => {
    const target = u * sum;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid] < target) lo = mid + 1; else hi = mid; }
    return list[lo];
  };
  return { list, sample };
}

/** The outlet as contract v1 documents: site, editions, each language's story list and stories. */
function generate() {
  rmSync(API, { recursive: true, force: true });
  const write = (path, value) => {
    mkdirSync(join(API, path, '..'), { recursive: true });
    writeFileSync(join(API, path), JSON.stringify(value));
  };
  const languages = Object.keys(STORIES);
  write('site.json', {
    name: 'Bench Courier', default_language: 'en',
    languages: languages.map((code) => ({ code, label: code.toUpperCase(), name: code })), social: [], apps: [],
  });
  const sections = ['politics', 'economy', 'world', 'sport', 'culture'];
  const vocabularies = {};
  for (const lang of languages) {
    const { list, sample } = (vocabularies[lang] = vocabulary(lang));
    const next = random(42 + lang.length);
    const words = (n) => Array.from({ length: n }, () => sample(next())).join(' ');
    const sentence = () => { const s = words(8 + Math.floor(next() * 12)); return s[0].toUpperCase() + s.slice(1) + '.'; };
    write(`${lang}/edition.json`, { sections: sections.map((slug) => ({ slug, title: slug, description: slug })), footer_notice: '' });
    const items = [];
    const start = Date.parse('2026-11-30T12:00:00Z');
    for (let i = 0; i < STORIES[lang]; i++) {
      const when = new Date(start - i * 7 * 60_000).toISOString().replace('.000Z', '+00:00');
      const summary = {
        id: `${lang}${i}`, slug: `story-${i}`, section: sections[i % sections.length], title: sentence().slice(0, -1),
        lead: sentence() + ' ' + sentence(), published_at: when, views: i,
      };
      const body = Array.from({ length: 8 }, () => ({
        type: 'paragraph', content: [{ text: Array.from({ length: 5 }, sentence).join(' ') }],
      }));
      write(`${lang}/articles/${summary.id}.json`, { ...summary, body, tags: [], related: [], translations: {} });
      items.push(summary);
    }
    write(`${lang}/search-index.json`, { items });
    // The old path's file as a CDN would send it.
    writeFileSync(join(API, lang, 'search-index.json.br'), brotliCompressSync(JSON.stringify({ items }),
      { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return vocabularies.en.list;
}

/** A self-signed certificate for 127.0.0.1 (openssl), and its public key's SHA-256 (base64), by
 * which the browser is told to trust it. */
function testCertificate() {
  const dir = join(WORK, 'tls');
  mkdirSync(dir, { recursive: true });
  const key = join(dir, 'key.pem'), cert = join(dir, 'cert.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  if (made.status !== 0) throw new Error('openssl could not make the test certificate');
  const spki = spawnSync('sh', ['-c', `openssl x509 -in ${cert} -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`]);
  return { key, cert, spki: spki.stdout.toString().trim() };
}

function folderBytes(dir) {
  let bytes = 0, files = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) { const inner = folderBytes(path); bytes += inner.bytes; files += inner.files; } else { bytes += s.size; files++; }
  }
  return { bytes, files };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/** Builds the indexes of the API at `api` into `site` with the release publisher: seconds taken
 * and peak memory (GNU time). */
function buildIndexes(api, site) {
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', PUBLISHER, 'search-index', '--api', api, '--out', site],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`publish search-index failed: ${run.stderr}`);
  const report = run.stderr.toString();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, peakGb: Number(report.trim().split('\n').at(-1)) / 1024 / 1024 };
}

/** Types `query` into the search page and waits for results (or "nothing found"); ms and bytes. */
async function keystrokeToResults(page, query) {
  return page.evaluate(async (q) => {
    const input = document.querySelector('#search-page-input');
    // Leptos redraws the results in place: what they say tells that the answer came.
    const state = () => {
      const said = document.querySelector('.search-page__count, .search-page__message')?.textContent ?? '';
      const first = document.querySelector('.search-result')?.textContent ?? '';
      return document.querySelector('.search-page__pending') ? null : `${said}|${first}`;
    };
    const before = state();
    const start = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve, reject) => {
      const check = () => {
        const now = state();
        if (now && now !== before) resolve();
        else if (performance.now() - start > 30_000) reject(new Error(`no results for ${q}: ${now}`));
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - start;
  }, query);
}

async function measureQueries(browser, origin, queries, label) {
  const cold = [], warm = [], bytes = [];
  for (const query of queries) {
    // Each query cold in COLD_RUNS new browser contexts, the median kept: one run moves by
    // tens of ms with what else the machine does.
    const runs = [], fetches = [];
    for (let run = 0; run < COLD_RUNS; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Their sizes are asked once the page is idle: asking while the query runs slows it.
      const finished = [];
      page.on('requestfinished', (request) => {
        if (request.url().includes('/pagefind/')) finished.push(request);
      });
      await page.goto(`${origin}/en/search`);
      await page.locator('#search-page-input').waitFor();
      runs.push(await keystrokeToResults(page, query));
      await page.waitForLoadState('networkidle');
      const sizes = await Promise.all(finished.map((request) => request.sizes().catch(() => null)));
      fetches.push(sizes.reduce((sum, size) => sum + (size?.responseBodySize ?? 0) + (size?.responseHeadersSize ?? 0), 0));
      if (run === COLD_RUNS - 1) {
        // Warm: the searcher and this query's chunks are in; another query of the same set,
        // then back, each after a reader's pause (a keystroke within 120 ms of the last query
        // waits for typing to pause: src/pagefind.rs).
        await page.waitForTimeout(300);
        await keystrokeToResults(page, queries[(queries.indexOf(query) + 1) % queries.length]);
        await page.waitForTimeout(300);
        warm.push(await keystrokeToResults(page, query));
      }
      await context.close();
    }
    cold.push(median(runs));
    bytes.push(median(fetches));
  }
  console.log(`${label}, per query (cold ms / KB / warm ms): ${queries.map((q, i) => `${q} ${cold[i].toFixed(0)}/${(bytes[i] / 1024).toFixed(0)}/${warm[i].toFixed(0)}`).join(' | ')}`);
  console.log(`${label}: cold, keystroke → first results: median ${median(cold).toFixed(0)} ms, max ${Math.max(...cold).toFixed(0)} ms; `
    + `fetched median ${kb(median(bytes))}, max ${kb(Math.max(...bytes))}; warm: median ${median(warm).toFixed(0)} ms, max ${Math.max(...warm).toFixed(0)} ms`);
  return { cold, warm, bytes };
}

/** The old path's floor: the whole list downloaded (brotli), parsed, and scanned for the words. */
async function oldPath(browser, origin, queries, label) {
  const times = [];
  let bytes = 0;
  for (const query of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('requestfinished', async (request) => {
      if (request.url().endsWith('search-index.json')) bytes = (await request.sizes()).responseBodySize;
    });
    await page.goto(`${origin}/index.html`);
    times.push(await page.evaluate(async (q) => {
      const start = performance.now();
      const list = await (await fetch('/bench-api/en/search-index.json')).json();
      const words = q.toLowerCase().split(/\s+/);
      const found = list.items.filter((s) => { const t = (s.title + ' ' + s.lead).toLowerCase(); return words.every((w) => t.includes(w)); });
      return performance.now() - start + found.length * 0;
    }, query));
    await context.close();
  }
  console.log(`${label}, search-index.json path (titles and leads only): ${kb(bytes)} over the wire (brotli); `
    + `download + parse + scan: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (a floor: the app's decoding was slower)`);
  return { times, bytes };
}

console.log('\n## Search (Pagefind bundles from publish)');
const demo = folderBytes('dist/pagefind');
console.log(`demo outlet (${readdirSync('dist/pagefind').length} languages, 168 stories each): ${kb(demo.bytes)} in ${demo.files} files`);
console.log(`generating ${Object.values(STORIES).reduce((a, b) => a + b)} stories (${Object.entries(STORIES).map(([l, n]) => `${l} ${n}`).join(', ')})…`);
// BENCH_SEARCH_REUSE=1 measures the queries on the outlet and indexes the last run left, with the app as last built.
const reuse = process.env.BENCH_SEARCH_REUSE === '1';
const words = reuse ? vocabulary('en').list : generate();
if (reuse) {
  // The app as last built, beside the indexes the last run left.
  for (const name of readdirSync('dist').filter((n) => !['pagefind', 'api'].includes(n))) {
    rmSync(join(SITE, name), { recursive: true, force: true });
    cpSync(join('dist', name), join(SITE, name), { recursive: true });
  }
} else {
  rmSync(SITE, { recursive: true, force: true });
  cpSync('dist', SITE, { recursive: true });
  rmSync(join(SITE, 'pagefind'), { recursive: true, force: true });
  const { seconds, peakGb } = buildIndexes(API, SITE);
  const built = folderBytes(join(SITE, 'pagefind'));
  const en = folderBytes(join(SITE, 'pagefind', 'en'));
  const shards = JSON.parse(readFileSync(join(SITE, 'pagefind', 'en', 'shards.json'), 'utf8')).shards.length;
  console.log(`index build (publish search-index, every language): ${seconds.toFixed(1)} s, peak memory ${peakGb.toFixed(1)} GB; on disk ${(built.bytes / 1e6).toFixed(1)} MB in ${built.files} files (en: ${(en.bytes / 1e6).toFixed(1)} MB, ${en.files} files, ${shards} shards)`);
  // The newest story corrected, as a newsroom does minutes after publishing: its shard alone is
  // indexed again.
  const newest = join(API, 'en', 'articles', 'en0.json');
  const story = JSON.parse(readFileSync(newest, 'utf8'));
  writeFileSync(newest, JSON.stringify({ ...story, lead: `${story.lead} Corrected.` }));
  const again = buildIndexes(API, SITE);
  console.log(`index again after the newest story is corrected: ${again.seconds.toFixed(1)} s, peak memory ${(again.peakGb * 1024).toFixed(0)} MB`);
  // An archive story corrected: its shard and its block of the words index (which names the
  // shards that hold each word, src/publish/search_words.rs) are indexed again.
  const words = folderBytes(join(SITE, 'pagefind', 'en', 'words'));
  const archived = join(API, 'en', 'articles', `en${Math.floor(STORIES.en / 2)}.json`);
  const old = JSON.parse(readFileSync(archived, 'utf8'));
  writeFileSync(archived, JSON.stringify({ ...old, lead: `${old.lead} Corrected.` }));
  const archive = buildIndexes(API, SITE);
  console.log(`index again after an archive story is corrected: ${archive.seconds.toFixed(1)} s, peak memory ${(archive.peakGb * 1024).toFixed(0)} MB (en's words index: ${(words.bytes / 1e6).toFixed(1)} MB in ${words.files} files)`);
  for (const lang of Object.keys(STORIES)) {
    for (const file of ['search-index.json', 'search-index.json.br']) cpSync(join(API, lang, file), join(SITE, 'bench-api', lang, file));
  }
}
// Ten fixed queries: words from the most common to the rarest, two- and three-word queries, a
// capitalised one, a prefix, and a word the archive does not have.
const queries = [
  words[3], words[60], words[900], words[9000], words[25000],
  `${words[120]} ${words[4000]}`, `${words[30]} ${words[700]} ${words[8000]}`,
  words[2000].toUpperCase(), words[1500].slice(0, 4), 'zqxwvy',
];
console.log(`queries: ${queries.join(' | ')}`);
const tls = testCertificate();
const browser = await chromium.launch({
  executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu', `--ignore-certificate-errors-spki-list=${tls.spki}`],
});
try {
  for (const [protocol, scheme, extra] of [['HTTP/1.1', 'http', []], ['HTTP/2', 'https', ['--tls-key', tls.key, '--tls-cert', tls.cert]]]) {
    const server = await spawnServer(['--dir', SITE, '--port', String(PORT), ...extra]);
    try {
      const origin = `${scheme}://127.0.0.1:${PORT}`;
      const ours = await measureQueries(browser, origin, queries, `${protocol}: Pagefind, ${STORIES.en} en stories`);
      const old = await oldPath(browser, origin, queries, protocol);
      console.log(`${protocol} ratio: bytes ${(median(ours.bytes) / old.bytes).toFixed(3)}× the old path's, `
        + `cold time ${(median(ours.cold) / median(old.times)).toFixed(2)}× its floor`);
    } finally {
      server.kill();
    }
  }
} finally {
  await browser.close();
}

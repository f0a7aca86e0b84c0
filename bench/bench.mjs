// ./x bench: prints figures, asserts nothing. Serves the release dist/ with brotli like a CDN and
// measures (1) boot file sizes, (2) Lighthouse 12 mobile, median of N runs, for home, a section and
// an article, each beside the floor (the same published page with every script taken out) and the
// stack (bench/stack-floor's bare Leptos + router app, built as Gazette's release is), (3) start-up main-thread blocking with Chromium's CPU slowed 4×, beside the stack, (4) in-app navigation
// from a click on a story to its article painted, median of 20, with the article JSON cached and
// not cached, (5) publishing beside Hugo (publish-time.mjs), (6) search through the Pagefind
// bundles publish writes, at 100,000 stories, beside the single search-index.json it replaced
// (search.mjs), (7) publishing from a generated WordPress of 10,000 posts (wordpress.mjs), (8) a
// returning reader with and without the service worker, and offline reading (offline.mjs).
// Options: BENCH_RUNS (Lighthouse runs per page, default 3), BENCH_ONLY (one part: sizes,
// lighthouse, startup, navigation, publish, search, wordpress or offline).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyGlue, optimizeWasm } from '../tools/split-wasm.mjs';
import { chromium } from 'playwright-core';
import { CHROME_FLAGS as FLAGS, PAGES, measure, median, print } from './lighthouse.mjs';
import { appSizes, appSizesLine, bootSizes, brotliOf, kb, printSizes } from './sizes.mjs';
import { spawnServer } from '../tests/server.mjs';

const PORT = 4180;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const STACK_PORT = 4182;
const STACK_DIR = 'target/bench-stack';
await buildStack();
const server = await spawnServer(['--dir', 'dist', '--port', String(PORT)]);
const stackServer = await spawnServer(['--dir', STACK_DIR, '--port', String(STACK_PORT)]);
// BENCH_ONLY=lighthouse (or sizes, startup, navigation, publish, search, wordpress) runs that part alone.
const only = (part) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === part;
try {
  if (only('sizes')) sizes();
  if (only('lighthouse')) await lighthouseFigures();
  if (only('startup')) await startupBlocking();
  if (only('navigation')) await navigationFigures();
  if (only('publish')) await import('./publish-time.mjs');
  if (only('search')) await import('./search.mjs');
  if (only('wordpress')) await import('./wordpress.mjs');
  if (only('offline')) await import('./offline.mjs');
} finally {
  server.kill();
  stackServer.kill();
}

/** bench/stack-floor with leptos_router (its `router` variant), built and optimized as Gazette's release is. */
async function buildStack() {
  console.log('building the stack reference (bench/stack-floor, router)');
  execFileSync('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--locked', '--quiet', '--features', 'router'],
    { cwd: 'bench/stack-floor', env: { ...process.env, RUSTFLAGS: '--cfg erase_components' }, stdio: 'inherit' });
  rmSync(STACK_DIR, { recursive: true, force: true });
  execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', STACK_DIR,
    'bench/stack-floor/target/wasm32-unknown-unknown/release/stack-floor.wasm']);
  optimizeWasm(join(STACK_DIR, 'stack-floor_bg.wasm'));
  const glue = join(STACK_DIR, 'stack-floor.js');
  writeFileSync(glue, await minifyGlue(readFileSync(glue, 'utf8')));
  writeFileSync(join(STACK_DIR, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1"><title>The stack</title>'
    + '<meta name="description" content="A bare Leptos and leptos_router app."></head>'
    + '<body><script type="module">import init from "/stack-floor.js"; init();</script></body></html>');
}

function sizes() {
  console.log('\n## Boot files');
  const rows = bootSizes('dist');
  printSizes(rows);
  const app = appSizes('dist', rows);
  console.log(`wasm + js glue, brotli (budget 150 KB a page): ${appSizesLine(app)}`);
}

// The floor: each published page as plain HTML (its scripts and preloads taken out), served the
// same way, measured in the same run. Gazette's figures are read as ratios to it.
async function lighthouseFigures() {
  console.log(`\n## Lighthouse 12 mobile, median of ${RUNS}: each page, and the same page as plain HTML (floor)`);
  const pages = {};
  rmSync('dist/_floor', { recursive: true, force: true });
  mkdirSync('dist/_floor');
  for (const [name, path] of Object.entries(PAGES)) {
    const file = path.endsWith('/') ? `${path}index.html` : `${path}.html`;
    const plain = readFileSync(`dist${file}`, 'utf8')
      .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/g, '')
      .replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');
    writeFileSync(`dist/_floor/${name}.html`, plain);
    pages[name] = path;
    pages[`${name}-floor`] = `/_floor/${name}.html`;
  }
  try {
    const rows = await measure(ORIGIN, RUNS, CHROME, pages);
    const [stack] = await measure(`http://127.0.0.1:${STACK_PORT}`, RUNS, CHROME, { stack: '/' });
    print([...rows, stack]);
    const row = (name) => rows.find((r) => r.name === name);
    console.log(`stack     TTI ${stack.tti.toFixed(0)} ms`);
    for (const name of Object.keys(PAGES)) {
      const [page, floor] = [row(name), row(`${name}-floor`)];
      console.log(`${name.padEnd(9)} FCP ${(page.fcp / floor.fcp).toFixed(2)}× the floor, LCP ${(page.lcp / floor.lcp).toFixed(2)}× the floor; `
        + `TBT ${(page.tbt / Math.max(stack.tbt, 1)).toFixed(2)}× the stack, TTI ${(page.tti / stack.tti).toFixed(2)}× the stack `
        + `(TTI ${page.tti.toFixed(0)} ms); CLS ${page.cls.toFixed(3)}`);
    }
  } finally {
    rmSync('dist/_floor', { recursive: true, force: true });
  }
}

// Lighthouse's TBT is simulated from an unthrottled trace. This is the same quantity observed in
// Chromium with its CPU slowed 4×: the sum over long tasks after first paint of their time beyond
// 50 ms, until 3 s after load began — mostly the app's start-up (compiling wasm on first call).
async function startupBlocking() {
  console.log('\n## Start-up main-thread blocking, Chromium at 4× CPU slowdown, median of 7, beside the stack');
  const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS.filter((f) => !f.startsWith('--headless')) });
  const addresses = [...Object.entries(PAGES).map(([name, path]) => [name, ORIGIN + path]), ['stack', `http://127.0.0.1:${STACK_PORT}/`]];
  for (const [name, address] of addresses) {
    const totals = [], longest = [];
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
      const page = await context.newPage();
      await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        window.__tasks = [];
        new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(address);
      await page.waitForTimeout(3000);
      const { tasks, fcp } = await page.evaluate(() => ({
        tasks: window.__tasks, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
      }));
      const after = tasks.filter(([start]) => start > fcp);
      totals.push(after.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0));
      longest.push(Math.max(0, ...after.map(([, d]) => d)));
      await context.close();
    }
    console.log(`${name.padEnd(9)} blocking ${median(totals).toFixed(0).padStart(4)} ms, longest task ${median(longest).toFixed(0).padStart(4)} ms`);
  }
  await browser.close();
}

async function navigationFigures() {
  console.log('\n## In-app navigation: click on a story → article painted, median of 20');
  const browser = await chromium.launch({ executablePath: CHROME, args: FLAGS.filter((f) => !f.startsWith('--headless')) });
  const page = await browser.newPage();
  await page.addInitScript(() => {
    document.addEventListener('click', (e) => {
      if (!(e.target instanceof Element) || !e.target.closest('[role=feed] a')) return;
      performance.mark('story-click');
      const done = () => requestAnimationFrame(() => { performance.measure('story-to-article', 'story-click'); });
      const observer = new MutationObserver(() => {
        if (document.querySelector('.article__headline')) { observer.disconnect(); done(); }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    }, true);
  });
  await page.goto(`${ORIGIN}/en/`);
  const cards = page.locator('[role=feed] article');
  while ((await cards.count()) < 24) { await page.mouse.wheel(0, 2000); await page.waitForTimeout(100); }
  const measureClick = async (i) => {
    await cards.nth(i).locator('h2 a').click();
    await page.locator('.article__headline').waitFor();
    await page.waitForTimeout(50);
    const last = await page.evaluate(() => performance.getEntriesByName('story-to-article').at(-1).duration);
    await page.goBack();
    await cards.nth(23).waitFor();
    return last;
  };
  const uncached = [];
  for (let i = 0; i < 20; i++) uncached.push(await measureClick(i)); // first visits: JSON fetched
  const cached = [];
  for (let i = 0; i < 20; i++) cached.push(await measureClick(i)); // the same stories: JSON in memory
  console.log(`not cached: ${median(uncached).toFixed(1)} ms`);
  console.log(`cached:     ${median(cached).toFixed(1)} ms`);

  await browser.close();
}

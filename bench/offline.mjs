// ./x bench, part "offline" (BENCH_ONLY=offline): what the service worker (tools/sw.js) gives a
// returning reader, beside the same visits without it (the browser's HTTP cache alone), in the
// same run: (1) the second visit to an article: requests for code that reach the network, and
// the time from navigation to the story's headline painted, median of 10; (2) offline: the share
// of stories read once (20, opened from the front page's feed) that open again without a network.
// Prints figures, asserts nothing. Serves dist/ on its own port.
import { chromium } from 'playwright-core';
import { spawnServer } from '../tests/server.mjs';
import { CHROME_FLAGS, median } from './lighthouse.mjs';

const PORT = 4186;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTICLES = ['/en/politics/1000/opposition-parties-debate-runs-late-into-the-night-0',
  '/en/economy/1001/wine-exporters-critics-ask-for-more-time-1'];
const VISITS = 10;
const READ = 20;

const server = await spawnServer(['--dir', 'dist', '--port', String(PORT)]);
const browser = await chromium.launch({ executablePath: CHROME, args: CHROME_FLAGS.filter((f) => !f.startsWith('--headless')) });
try {
  console.log(`\n## Returning reader: second visit to an article, median of ${VISITS}; offline reading`);
  for (const worker of [true, false]) {
    const { codeRequests, painted } = await secondVisits(worker);
    console.log(`${worker ? 'with the service worker   ' : 'HTTP cache alone (no worker)'}: code requests to the network ${codeRequests}, `
      + `headline painted ${median(painted).toFixed(0)} ms after navigation`);
  }
  const { opened, read } = await offlineShare();
  console.log(`offline: ${opened} of ${read} stories read once open again (${Math.round((100 * opened) / read)} %); without the worker: 0`);
} finally {
  await browser.close();
  server.kill();
}

/** A context whose pages report when the article's headline is first painted. */
async function readerContext(worker) {
  const context = await browser.newContext({ serviceWorkers: worker ? 'allow' : 'block' });
  await context.addInitScript(() => {
    const seen = () => {
      if (!document.querySelector('.article__headline')) return false;
      requestAnimationFrame(() => performance.mark('headline-painted'));
      return true;
    };
    if (!seen()) {
      const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
      observer.observe(document, { childList: true, subtree: true });
    }
  });
  return context;
}

async function secondVisits(worker) {
  const context = await readerContext(worker);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}${ARTICLES[0]}`);
  if (worker) {
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  }
  let codeRequests = 0;
  page.on('response', (r) => {
    if (/\.(js|wasm|css)$/.test(new URL(r.url()).pathname) && !r.fromServiceWorker() && !r.request().redirectedFrom()) {
      codeRequests += 1;
    }
  });
  const painted = [];
  for (let i = 0; i < VISITS; i++) {
    await page.goto(`${ORIGIN}${ARTICLES[1]}`);
    await page.waitForFunction(() => performance.getEntriesByName('headline-painted').length > 0);
    painted.push(await page.evaluate(() => performance.getEntriesByName('headline-painted')[0].startTime));
  }
  await context.close();
  // Without the worker, what the HTTP cache answers depends on the host's caching: the test server
  // gives the app's hashed files `_headers`' long caching, as a CDN would (before 2026-12-04's
  // second session it named every file no-cache, which Chromium revalidates).
  return { codeRequests: Math.round(codeRequests / VISITS), painted };
}

async function offlineShare() {
  const context = await readerContext(true);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/en/`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  const links = page.locator('[role=feed] article h2 a');
  while ((await links.count()) < READ) { await page.mouse.wheel(0, 2000); await page.locator('[role=feed][aria-busy=false]').waitFor(); }
  const hrefs = [];
  for (let i = 0; i < READ; i++) hrefs.push(new URL(await links.nth(i).getAttribute('href'), ORIGIN).href);
  for (const href of hrefs) {
    await page.goto(href);
    await page.locator('.article__headline').waitFor();
  }
  await context.setOffline(true);
  let opened = 0;
  for (const href of hrefs) {
    await page.goto(href).catch(() => null);
    // Opened: the app has taken over (no boot shell left) and drawn the story.
    const shown = await page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 10_000 })
      .then(() => page.locator('main .article__headline').waitFor({ timeout: 5000 })).then(() => true, () => false);
    if (shown) opened += 1;
  }
  await context.close();
  return { opened, read: hrefs.length };
}

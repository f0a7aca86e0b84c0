// Shared helpers for the browser tests.
import { test as base, expect, type APIRequestContext, type Page, type Route } from '@playwright/test';

/**
 * Playwright's `test`, whose page waits after each `goto` and `reload` until the app has taken over
 * from the boot shell. On a page ./x publish wrote the shell holds the page itself while the app
 * draws out of sight, and both carry the same classes; tests of the app wait for the hand-over,
 * tests of the published page itself opt out with `test.use({ waitForApp: false })`.
 */
export const test = base.extend<{ waitForApp: boolean }>({
  waitForApp: [true, { option: true }],
  page: async ({ page, waitForApp }, use) => {
    if (waitForApp) {
      const goto = page.goto.bind(page);
      const reload = page.reload.bind(page);
      page.goto = async (...args) => { const r = await goto(...args); await handedOver(page); return r; };
      page.reload = async (...args) => { const r = await reload(...args); await handedOver(page); return r; };
    }
    await use(page);
  },
});
export { expect };

/**
 * Waits until the app has taken over from the boot shell. The fixture does this after `goto` and
 * `reload`; a test calls it after a click that loads a new document (the language switch).
 */
export function handedOver(page: Page) {
  return page.locator('#boot-shell').waitFor({ state: 'detached', timeout: 15_000 });
}

/**
 * Serves the app's index.html with its API base meta tag changed, as a newsroom would edit that one
 * line. A page published from the demo API is not that outlet's: the app shell answers instead, as
 * the host's SPA fallback does for any address publish did not write.
 */
export async function useApi(page: Page, base: string) {
  await page.route(
    (url) => !/\.(js|wasm|css|json|svg|png|xml|txt)$/.test(url.pathname),
    async (route: Route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      let response = await route.fetch();
      let html = await response.text();
      if (html.includes('<div id="boot-shell" data-published>')) {
        const publicUrl = html.match(/<base href="([^"]*)"/)?.[1] ?? '/';
        response = await route.fetch({ url: new URL(`${publicUrl}index.html`, route.request().url()).href });
        html = await response.text();
      }
      html = html.replace(
        /<meta name="gazette-api-base" content="[^"]*">/,
        `<meta name="gazette-api-base" content="${base}">`,
      );
      const headers = { ...response.headers() };
      delete headers['content-encoding']; // the body is now plain text
      delete headers['content-length'];
      await route.fulfill({ status: response.status(), headers, body: html });
    },
  );
}

/** Holds the app's WebAssembly back until the returned function is called. */
export async function holdApp(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.fallback();
  });
  return () => release();
}

/**
 * Switches low-data mode from the footer with the keyboard, as a reader may. A mouse click is not
 * used: the footer sits below an endless feed, and scrolling to it loads the feed's next page,
 * which can move the button between the mouse's press and release: the click then goes to an
 * element holding both, not to the button, and nothing is switched (1 run in 40 or 60).
 */
export async function switchLowData(page: Page) {
  await page.getByRole('button', { name: 'Save data: no pictures' }).press('Enter');
}

/** The fixture outlet used to prove nothing about the demo is hard-coded. */
export const OTHER_API = '/fixtures/other/';

/** Counts requests whose URL matches `pattern`, by path. */
export function countRequests(page: Page, pattern: RegExp) {
  const counts = new Map<string, number>();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (pattern.test(path)) counts.set(path, (counts.get(path) ?? 0) + 1);
  });
  return counts;
}

/** A demo article URL that has translations (story 0 of every language). */
export const TRANSLATED = { en: '/en/politics/1000/x', ru: '/ru/politics/2000/x' };

/** Waits until nothing on the page is loading: no busy region, skeleton or placeholder left. */
export async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"], .skeleton, .most-read__placeholder, .search-page__pending')).toHaveCount(0);
}

/**
 * Runs axe (WCAG 2.2 AA) in the light and the dark theme and fails on any serious or critical
 * violation, naming the theme, the rule and the first elements.
 */
export async function expectAccessibleInBothThemes(page: Page) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const found: string[] = [];
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    found.push(...results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  }
  expect(found).toEqual([]);
}

/** Every element's right edge, and the document, stay within the viewport's width. */
export async function expectNoSidewaysOverflow(page: Page) {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.body.querySelectorAll('*')]
      .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 0.5; })
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ends at ${Math.round(e.getBoundingClientRect().right)}`);
    if (document.documentElement.scrollWidth > width) out.unshift(`the page is ${document.documentElement.scrollWidth} px wide`);
    return out.slice(0, 8);
  });
  expect(wide).toEqual([]);
}

/** Every address the sitemap index at `site` lists, through its per-language files. */
export async function sitemapAddresses(request: APIRequestContext, site: string) {
  const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, loc]) => loc);
  const index = await (await request.get(`${site}sitemap.xml`)).text();
  expect(index).toContain('<sitemapindex');
  const files = locsOf(index);
  expect(files.every((f) => f.startsWith(site))).toBe(true);
  const lists = await Promise.all(files.filter((f) => !f.endsWith('-news.xml')).map(async (f) => locsOf(await (await request.get(f)).text())));
  return lists.flat();
}


/**
 * Serves a copy of the built folder `from` on a free port, for a test that changes what is served
 * (a redeploy, a publish) or fills a service worker's caches of its own. Returns the copy's folder,
 * its origin and a function that stops the server. The folder is a link to the copy, as a host's
 * current deploy is: `redeploy` makes the next one beside it and switches the link at once.
 */
export async function serveCopy(from: string, options: { fixtures?: string } = {}) {
  const { cpSync, symlinkSync } = await import('node:fs');
  const dir = test.info().outputPath('site');
  cpSync(from, `${dir}-1`, { recursive: true });
  symlinkSync('site-1', dir);
  // @ts-expect-error: plain JavaScript test server, an ES module (imported, not required)
  const { serve } = await import('../server.mjs');
  // Without long caching: `redeploy` rewrites the glue in place, where a real deploy renames it.
  const server = await serve({ dir, port: 0, longCache: false, ...options });
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const close = () => new Promise<void>((done) => server.close(() => done()));
  return { dir, origin, close };
}

/**
 * Layout shifts the page reports, from its first paint on (those right after a click or a key are
 * the reader's own and left out, as CLS does): their sum in `window.shifts`, each in `window.shifted`.
 */
export function watchLayoutShifts(page: Page) {
  return page.addInitScript(() => {
    (window as any).shifts = 0;
    (window as any).shifted = [];
    const describe = (n: Node | null) => (n instanceof Element
      ? `${n.localName}${n.id ? `#${n.id}` : ''}${n.className ? `.${String(n.className).split(' ').join('.')}` : ''}`
      : n?.nodeName ?? 'gone');
    const rect = (r: DOMRectReadOnly) => `${r.x},${r.y} ${r.width}x${r.height}`;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) {
        if (e.hadRecentInput) continue;
        (window as any).shifts += e.value;
        (window as any).shifted.push(`${e.value.toFixed(5)} at ${Math.round(e.startTime)} ms: ${(e.sources ?? [])
          .map((s: any) => `${describe(s.node)} ${rect(s.previousRect)} -> ${rect(s.currentRect)}`).join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

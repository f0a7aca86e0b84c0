// Shared helpers for the browser tests.
import { test as base, expect, type Page, type Route } from '@playwright/test';

/**
 * Playwright's `test`, whose page waits after each `goto` and `reload` until the app has taken over
 * from index.html's boot shell. On an article the shell may show a text preview of the story while
 * the app draws out of sight, and both carry the article's classes; tests of the app wait for the
 * hand-over, tests of the preview itself opt out with `test.use({ waitForApp: false })`.
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

/** Serves index.html with its API base meta tag changed, as a newsroom would edit that one line. */
export async function useApi(page: Page, base: string) {
  await page.route(
    (url) => !/\.(js|wasm|css|json|svg|png)$/.test(url.pathname),
    async (route: Route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const html = (await response.text()).replace(
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

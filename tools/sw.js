// Gazette's service worker (the source; tools/service-worker.mjs writes dist/sw.js from it with
// Workbox's injectManifest, which puts the build's file list in place of the manifest below).
// Registered by src/offline/service_worker.rs. What it does, all with Workbox's own modules:
// - precaches the app's files (index.html, the hashed JS, wasm modules and CSS): a second visit
//   fetches no code, and an open tab keeps the modules of its build after a deploy removed them;
// - navigations: network first (3 s), else the page as last read, a saved story's page, or the app;
// - API documents (any .json fetched by a page): network first (3 s), else the copy last read or
//   saved, marked with the time it was stored (x-gazette-stored) and that it is a copy
//   (x-gazette-copy), so the app can say "you are offline — showing the copy from HH:MM";
// - pictures: from the cache first, at most PICTURES of them, oldest out first;
// - the reading list: the app posts {type: 'save'|'unsave', urls} and the story's documents,
//   page and pictures are kept in their own cache, which nothing expires;
// - a new deploy waits until the reader accepts the app's "Reload" ({type: 'SKIP_WAITING'}).
importScripts('WORKBOX_DIR/workbox-sw.js');
workbox.setConfig({ modulePathPrefix: 'WORKBOX_DIR/', debug: false });

const { core, precaching, routing, strategies, expiration, cacheableResponse, navigationPreload } = workbox;

const NETWORK_TIMEOUT_SECONDS = 3;
// About 50 MB of pictures at the 250 KB a news picture typically weighs. Workbox expires by count
// and age, not bytes: cross-origin pictures are opaque and their size cannot be read.
const PICTURES = 200;
const SAVED = `gazette-saved-${self.registration.scope}`;

core.setCacheNameDetails({ prefix: 'gazette' });
precaching.precacheAndRoute(self.__WB_MANIFEST);
precaching.cleanupOutdatedCaches();
navigationPreload.enable();

/** A response the page can tell apart from the network's: a copy, and when it was stored. */
const STAMP = {
  cacheWillUpdate: async ({ response }) => {
    if (!response || response.status !== 200) return null;
    const headers = new Headers(response.headers);
    headers.set('x-gazette-stored', new Date().toISOString());
    return new Response(await response.blob(), { status: 200, statusText: response.statusText, headers });
  },
  cachedResponseWillBeUsed: async ({ cachedResponse }) => cachedResponse && asCopy(cachedResponse),
};

function asCopy(response) {
  const headers = new Headers(response.headers);
  headers.set('x-gazette-copy', '1');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** `strategy`, and when it has nothing (offline, nothing cached), the reading list's copy. */
const orSaved = (strategy, mark) => async (options) => {
  try {
    return await strategy.handle(options);
  } catch (error) {
    const saved = await caches.open(SAVED).then((c) => c.match(options.request, { ignoreVary: true }));
    if (saved) return mark ? asCopy(saved) : saved;
    throw error;
  }
};

const pages = new strategies.NetworkFirst({
  cacheName: 'gazette-pages',
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [new cacheableResponse.CacheableResponsePlugin({ statuses: [200] }),
    new expiration.ExpirationPlugin({ maxEntries: 300, purgeOnQuotaError: true })],
});
const appPage = orSaved(pages, false);
routing.registerRoute(({ request }) => request.mode === 'navigate', async (options) => {
  try {
    return await appPage(options);
  } catch (error) {
    // A page never read: the app, which says it is offline and offers Retry.
    const app = await precaching.matchPrecache('index.html');
    if (app) return app;
    throw error;
  }
});

routing.registerRoute(
  ({ request, url }) => request.destination === '' && url.pathname.endsWith('.json'),
  orSaved(new strategies.NetworkFirst({
    cacheName: 'gazette-api',
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [STAMP, new expiration.ExpirationPlugin({ maxEntries: 500, purgeOnQuotaError: true })],
  }), true),
);

routing.registerRoute(
  ({ request }) => request.destination === 'image',
  orSaved(new strategies.CacheFirst({
    cacheName: 'gazette-pictures',
    plugins: [new cacheableResponse.CacheableResponsePlugin({ statuses: [0, 200] }),
      new expiration.ExpirationPlugin({ maxEntries: PICTURES, purgeOnQuotaError: true })],
  }), false),
);

/** Keeps `urls` in the reading list's cache: documents with CORS, pictures as the page loads them. */
async function save(urls) {
  const cache = await caches.open(SAVED);
  await Promise.all(urls.map(async ({ url, kind }) => {
    const request = new Request(url, kind === 'picture' ? { mode: 'no-cors' } : {});
    const response = await fetch(request);
    if (response.ok || response.type === 'opaque') {
      await cache.put(url, kind === 'document' ? await STAMP.cacheWillUpdate({ response }) : response);
    }
  }));
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'SKIP_WAITING') self.skipWaiting();
  const done = (ok) => event.ports[0] && event.ports[0].postMessage({ ok });
  if (data.type === 'save' && Array.isArray(data.urls)) {
    event.waitUntil(save(data.urls).then(() => done(true), () => done(false)));
  }
  if (data.type === 'unsave' && Array.isArray(data.urls)) {
    event.waitUntil(caches.open(SAVED)
      .then((cache) => Promise.all(data.urls.map(({ url }) => cache.delete(url)))).then(() => done(true), () => done(false)));
  }
});

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
// - the reading list: the app posts {type: 'save', story, urls} or {type: 'unsave', story}; a
//   saved story's documents, page and pictures are kept in their own cache, which nothing
//   expires, with a record of which are its own, so that removing it drops exactly those;
// - a new deploy waits until the reader accepts the app's "Reload" ({type: 'SKIP_WAITING'});
// - once active, a worker takes control of the open pages it does not control yet (a first visit's,
//   which registered it); that page's boot script (index.html) then requests its API documents
//   again, and they are kept as above. The page's own HTML, fetched before, is not.
importScripts('WORKBOX_DIR/workbox-sw.js');
workbox.setConfig({ modulePathPrefix: 'WORKBOX_DIR/', debug: false });

const { core, precaching, routing, strategies, expiration, cacheableResponse, navigationPreload } = workbox;

const NETWORK_TIMEOUT_SECONDS = 3;
// About 50 MB of pictures at the 250 KB a news picture typically weighs. Workbox expires by count
// and age, not bytes: cross-origin pictures are opaque and their size cannot be read.
const PICTURES = 200;
const SAVED = `gazette-saved-${self.registration.scope}`;

core.setCacheNameDetails({ prefix: 'gazette' });
core.clientsClaim();
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

/** Where the reading list's cache records which files a saved story kept (its own, not shared). */
const record = (story) => new URL(`gazette-saved-story/${encodeURIComponent(story)}`, self.registration.scope).href;

/**
 * Keeps a saved story's files in the reading list's cache: documents with CORS, pictures as the
 * page loads them; and records which are the story's own (`shared` ones, the site and the edition,
 * other saved stories need too).
 */
async function save(story, urls) {
  const cache = await caches.open(SAVED);
  await Promise.all(urls.map(async ({ url, kind }) => {
    const request = new Request(url, kind === 'picture' ? { mode: 'no-cors' } : {});
    const response = await fetch(request);
    if (response.ok || response.type === 'opaque') {
      const document = kind === 'document' || kind === 'shared';
      await cache.put(url, document ? await STAMP.cacheWillUpdate({ response }) : response);
    }
  }));
  const own = urls.filter(({ kind }) => kind !== 'shared').map(({ url }) => new URL(url, self.location).href);
  await cache.put(record(story), new Response(JSON.stringify(own), { headers: { 'content-type': 'application/json' } }));
}

/** Drops a story's own files, except those another saved story kept too (a shared picture). */
async function unsave(story) {
  const cache = await caches.open(SAVED);
  const own = await cache.match(record(story)).then((r) => (r ? r.json() : []));
  await cache.delete(record(story));
  const stillKept = new Set();
  for (const request of await cache.keys()) {
    if (request.url.startsWith(record(''))) (await cache.match(request).then((r) => r.json())).forEach((url) => stillKept.add(url));
  }
  await Promise.all(own.filter((url) => !stillKept.has(url)).map((url) => cache.delete(url)));
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'SKIP_WAITING') self.skipWaiting();
  const done = (ok) => event.ports[0] && event.ports[0].postMessage({ ok });
  const work = data.type === 'save' && Array.isArray(data.urls) ? save(data.story, data.urls)
    : data.type === 'unsave' ? unsave(data.story) : null;
  if (work) event.waitUntil(work.then(() => done(true), () => done(false)));
});

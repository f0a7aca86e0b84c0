// Trunk post_build hook: makes dist/ ready for any static host.
// - a Content-Security-Policy whose script hashes match this build's inline scripts, as a
//   <meta http-equiv> in index.html and, with frame-ancestors, in _headers;
// - _headers: long caching for hashed files, no-cache for the HTML, short for the API;
// - _redirects for Netlify-style SPA fallback; 404.html for GitHub Pages when GAZETTE_404=1;
// - precompressed .br and .gz siblings for text and wasm files.
// First of all, the WebAssembly is split into the frame and one module per kind of page
// (tools/split-wasm.mjs).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { policyFor, withPolicy } from './csp.mjs';
import { COMPRESSIBLE, precompress } from './precompress.mjs';
import { splitWasm } from './split-wasm.mjs';
import { HASHED, writeServiceWorker } from './service-worker.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const publicUrl = (process.env.TRUNK_PUBLIC_URL ?? '/').replace(/\/?$/, '/');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// Subresource integrity of a file's contents.
const integrity = (contents) => `sha384-${createHash('sha384').update(contents).digest('base64')}`;

const release = process.env.TRUNK_PROFILE !== 'debug';
const split = await splitWasm(dir, release);
// Trunk's modulepreload link for the glue gets the new glue's integrity, and beside it one for the
// page modules' loader, which the glue imports: preloaded together rather than a round trip later.
const gluePreload = new RegExp(`<link rel="modulepreload" href="[^"]*/${split.name}\\.js"[^>]*integrity="[^"]*">`);
const glueTag = html.match(gluePreload)?.[0];
if (!glueTag) throw new Error("post-build: Trunk's modulepreload link for the glue not found");
html = html.replace(glueTag, glueTag.replace(/integrity="[^"]*"/, `integrity="${integrity(split.glue)}"`)
  + `<link rel="modulepreload" href="${publicUrl}${split.loader}" crossorigin="anonymous" integrity="${integrity(split.loaderSource)}">`);
// The app's WebAssembly is fetched once window.gazetteBoot.start settles (index.html: after the
// first paint), so that the published page's text and pictures get the network first. Trunk's
// preload link becomes a script that adds the same link then, with links for the modules of the
// page in the address (gazetteBoot.page), and Trunk's loader awaits the same promise.
const wasmPreload = html.match(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/)?.[0];
const loaderCall = 'const wasm = await init(';
if (!wasmPreload || !html.includes(loaderCall)) {
  throw new Error("post-build: Trunk's wasm preload link or loader not found; adapt tools/post-build.mjs to this Trunk");
}
// (Without `integrity`: Chrome ignores it on a fetch preload and says so in the console.)
const linkAttributes = [...wasmPreload.matchAll(/([a-z-]+)="([^"]*)"/g)].filter(([, name]) => name !== 'integrity')
  .map(([, name, value]) => `l.setAttribute(${JSON.stringify(name)},${JSON.stringify(value)});`).join('');
// The other reading pages' modules (feed and article) are fetched too, once the app has its own
// (`gazetteBoot.prefetch`, called by `pages/split.rs`) and the browser is idle: into the HTTP
// cache only, for the app to make ready when the reader moves, so that neither their download
// nor their set-up competes with the page's own.
const pageModules = JSON.stringify(Object.fromEntries(Object.entries(split.pages).map(([page, files]) => [page, files.map((f) => publicUrl + f)])));
html = html.replace(wasmPreload, '<script>(function(){var g=window.gazetteBoot||{},a=' + pageModules + ',m=a[g.page]||[];'
  + 'function link(r,h){var p=document.createElement("link");p.rel=r;p.as="fetch";p.crossOrigin="anonymous";p.href=h;document.head.appendChild(p)}'
  + 'function add(){var l=document.createElement("link");' + linkAttributes + 'document.head.appendChild(l);m.forEach(function(h){link("preload",h)})}'
  + 'function idle(){["feed","article"].forEach(function(k){(a[k]||[]).forEach(function(h){m.indexOf(h)<0&&(m.push(h),link("prefetch",h))})})}'
  + 'g.start?g.start.then(add):add();g.prefetch=function(){(window.requestIdleCallback||setTimeout)(idle)}})()</script>');
html = html.replace(loaderCall, `await (window.gazetteBoot && window.gazetteBoot.start);\n${loaderCall}`);

// The policy hashes every inline <script> (the pre-paint and request scripts, the wasm preload
// script above, Trunk's loader) and the inlined print stylesheet, and allows the API base's
// origin if it is an http one (tools/csp.mjs). Not in `trunk serve` development builds: Trunk
// injects its live-reload script after this hook.
if (release) html = withPolicy(html);
const headerPolicy = policyFor(html).header;
writeFileSync(indexPath, html);

// The service worker over the finished app files (tools/service-worker.mjs, Workbox).
const worker = release ? await writeServiceWorker(dir) : null;

const files = (function walk(d) {
  return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
})(dir).map((f) => relative(dir, f).split('\\').join('/'));
// Trunk names a file by its 64-bit hash in hex without leading zeros: 16 digits most of the time,
// 15 about one build in sixteen (a CI run had it: the wasm lost its long-cache line). Fewer than 12: 1 in 2^20.
const hashed = files.filter((f) => HASHED.test(f));
const NO_CACHE = 'no-cache';
const FOR_GOOD = 'public, max-age=31536000, immutable';
// A rule for each of `paths` (under the public URL) giving it the Cache-Control `value`.
const caching = (value, paths) => paths.flatMap((path) => [`${publicUrl}${path}`, `  Cache-Control: ${value}`]);
const headers = [
  `${publicUrl}*`,
  `  Content-Security-Policy: ${headerPolicy}`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: strict-origin-when-cross-origin',
  ...caching(NO_CACHE, ['index.html']),
  ...caching('public, max-age=60, stale-while-revalidate=600', ['api/*']),
  ...caching(FOR_GOOD, hashed),
  // The service worker is checked on every visit; Workbox's runtime is named by its version.
  ...caching(NO_CACHE, ['sw.js']),
  ...caching(FOR_GOOD, worker ? [`${worker.workboxDir}/*`] : []),
  // The search indexes publish writes (src/publish/search_index.rs): the searcher, the shard
  // list and the entries that name the index files are checked each time, the index files are
  // named by their hash. A host applies every rule a path matches and joins a header two rules
  // set (Cloudflare Pages: `no-cache, public, max-age=…`, which is no-cache), so no rule here
  // covers another's files: the checked ones are named, not `pagefind/*`.
  ...caching(NO_CACHE, ['pagefind/pagefind.js', 'pagefind/*/shards.json', 'pagefind/*/pagefind-entry.json', 'pagefind/*/wasm.*.pagefind']),
  ...caching(FOR_GOOD, ['index/*', 'fragment/*', 'filter/*', 'pagefind.*.pf_meta'].map((f) => `pagefind/*/${f}`)),
];
writeFileSync(join(dir, '_headers'), headers.join('\n') + '\n');
writeFileSync(join(dir, '_redirects'), `${publicUrl}* ${publicUrl}index.html 200\n`);
if (process.env.GAZETTE_404 === '1') writeFileSync(join(dir, '404.html'), html);

// `./x serve` publishes no pages, but search needs the demo's indexes: the publisher that
// ./x serve built writes them (a release build gets them from ./x publish).
if (!release && existsSync('target/publisher/publish')) {
  execFileSync('target/publisher/publish', ['search-index', '--api', 'public/api/v1', '--out', dir], { stdio: 'inherit' });
}

// index.html is among them, already carrying its CSP.
const packed = files.filter((f) => COMPRESSIBLE.test(f) && precompress(join(dir, f))).length;
console.log(`post-build: wasm split into the frame and ${Object.keys(split.pages).join(', ')}; CSP, `
  + `${worker ? `service worker (${worker.count} files, ${Math.round(worker.size / 1024)} KB precached), ` : ''}_headers, _redirects, ${packed} files precompressed`);

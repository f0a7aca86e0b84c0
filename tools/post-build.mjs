// Trunk post_build hook: makes dist/ ready for any static host.
// - a Content-Security-Policy whose script hashes match this build's inline scripts, as a
//   <meta http-equiv> in index.html and, with frame-ancestors, in _headers;
// - _headers: long caching for hashed files, no-cache for the HTML, short for the API;
// - _redirects for Netlify-style SPA fallback; 404.html for GitHub Pages when GAZETTE_404=1;
// - precompressed .br and .gz siblings for text and wasm files.
// First of all, the WebAssembly is split into the frame and one module per kind of page
// (tools/split-wasm.mjs).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { minify } from 'terser';
import { splitWasm } from './split-wasm.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const publicUrl = (process.env.TRUNK_PUBLIC_URL ?? '/').replace(/\/?$/, '/');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// Subresource integrity of a file's contents, and the CSP hashes of an inline element's bodies.
const integrity = (contents) => `sha384-${createHash('sha384').update(contents).digest('base64')}`;
const inlineHashes = (element) => [...html.matchAll(new RegExp(`<${element}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${element}>`, 'g'))]
  .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);

const release = process.env.TRUNK_PROFILE !== 'debug';
const split = await splitWasm(dir, release);
// Trunk's modulepreload link for the glue gets the new glue's integrity, and beside it one for the
// page modules' loader, which the glue imports: preloaded together rather than a round trip later.
const gluePreload = new RegExp(`<link rel="modulepreload" href="[^"]*/${split.name}\\.js"[^>]*integrity="[^"]*">`);
const glueTag = html.match(gluePreload)?.[0];
if (!glueTag) throw new Error("post-build: Trunk's modulepreload link for the glue not found");
html = html.replace(glueTag, glueTag.replace(/integrity="[^"]*"/, `integrity="${integrity(split.glue)}"`)
  + `<link rel="modulepreload" href="${publicUrl}${split.loader}" crossorigin="anonymous" integrity="${integrity(split.loaderSource)}">`);
// The preview script is minified in release builds (it is on the way to the first paint of text).
const previewTag = html.match(/<script src="[^"]*\/(preview-[0-9a-f]+\.js)" defer integrity="([^"]*)"><\/script>/);
if (!previewTag) throw new Error("post-build: Trunk's script tag for boot/preview.js not found");
if (release) {
  const previewPath = join(dir, previewTag[1]);
  const small = (await minify(readFileSync(previewPath, 'utf8'), { compress: true, mangle: true })).code;
  writeFileSync(previewPath, small);
  html = html.replace(previewTag[0], previewTag[0].replace(previewTag[2], integrity(small)));
}

// The app's WebAssembly is fetched once window.gazetteBoot.start settles (index.html): at once on
// search and `/`, after boot/preview.js has painted on an article or a feed. Trunk's preload link becomes
// a script that adds the same link then, with links for the modules of the page in the address
// (gazetteBoot.page), and Trunk's loader awaits the same promise.
const wasmPreload = html.match(/<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>/)?.[0];
const loaderCall = 'const wasm = await init(';
if (!wasmPreload || !html.includes(loaderCall)) {
  throw new Error("post-build: Trunk's wasm preload link or loader not found; adapt tools/post-build.mjs to this Trunk");
}
// (Without `integrity`: Chrome ignores it on a fetch preload and says so in the console.)
const linkAttributes = [...wasmPreload.matchAll(/([a-z-]+)="([^"]*)"/g)].filter(([, name]) => name !== 'integrity')
  .map(([, name, value]) => `l.setAttribute(${JSON.stringify(name)},${JSON.stringify(value)});`).join('');
const pageModules = JSON.stringify(Object.fromEntries(Object.entries(split.pages).map(([page, files]) => [page, files.map((f) => publicUrl + f)])));
html = html.replace(wasmPreload, '<script>(function(){var g=window.gazetteBoot||{},m=' + pageModules + '[g.page]||[];function add(){'
  + 'var l=document.createElement("link");' + linkAttributes + 'document.head.appendChild(l);'
  + 'm.forEach(function(h){var p=document.createElement("link");p.rel="preload";p.as="fetch";p.crossOrigin="anonymous";p.href=h;document.head.appendChild(p)})}'
  + 'g.start?g.start.then(add):add()})()</script>');
html = html.replace(loaderCall, `await (window.gazetteBoot && window.gazetteBoot.start);\n${loaderCall}`);

// Script hashes of every inline <script> (the pre-paint and request scripts, the wasm preload
// script above, Trunk's loader).
const hashes = inlineHashes('script');
// The print stylesheet is inlined (index.html): its hash lets it through style-src.
const styleHashes = inlineHashes('style');
// An API on another host must stay reachable when a newsroom edits only the meta tag of a built
// index.html: fetches may go to any https host (and to local hosts, for development). Scripts
// stay locked to this site and the hashes below, which is what keeps injected code out.
const apiBase = html.match(/<meta name="gazette-api-base" content="([^"]*)">/)?.[1] ?? 'api/v1/';
const apiOrigin = /^http:\/\//.test(apiBase) ? ` ${new URL(apiBase).origin}` : '';
const local = 'http://localhost:* http://127.0.0.1:*';
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  ["style-src 'self'", ...styleHashes].join(' '),
  `img-src 'self' https: data: ${local}${apiOrigin}`,
  `connect-src 'self' https: ${local}${apiOrigin}`,
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];
const metaPolicy = policy.join('; '); // frame-ancestors is ignored in a <meta>
const headerPolicy = [...policy, "frame-ancestors 'none'"].join('; ');
// Not in `trunk serve` development builds: Trunk injects its live-reload script after this hook.
if (process.env.TRUNK_PROFILE !== 'debug') {
  html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${metaPolicy}">`);
}
writeFileSync(indexPath, html);

const files = (function walk(d) {
  return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
})(dir).map((f) => relative(dir, f).split('\\').join('/'));
// Trunk names a file by its 64-bit hash in hex without leading zeros: 16 digits most of the time,
// 15 about one build in sixteen (a CI run had it: the wasm lost its long-cache line). Fewer than 12: 1 in 2^20.
const hashed = files.filter((f) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|svg)$/.test(f));
const headers = [
  `${publicUrl}*`,
  `  Content-Security-Policy: ${headerPolicy}`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: strict-origin-when-cross-origin',
  `${publicUrl}index.html`,
  '  Cache-Control: no-cache',
  `${publicUrl}api/*`,
  '  Cache-Control: public, max-age=60, stale-while-revalidate=600',
  ...hashed.flatMap((f) => [`${publicUrl}${f}`, '  Cache-Control: public, max-age=31536000, immutable']),
];
writeFileSync(join(dir, '_headers'), headers.join('\n') + '\n');
writeFileSync(join(dir, '_redirects'), `${publicUrl}* ${publicUrl}index.html 200\n`);
if (process.env.GAZETTE_404 === '1') writeFileSync(join(dir, '404.html'), html);

let packed = 0;
for (const f of files) { // index.html is among them, already carrying its CSP
  if (!/\.(html|js|css|wasm|json|svg)$/.test(f)) continue;
  const buf = readFileSync(join(dir, f));
  if (buf.length < 512) continue;
  writeFileSync(join(dir, f + '.br'), brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(dir, f + '.gz'), gzipSync(buf, { level: 9 }));
  packed++;
}
console.log(`post-build: wasm split into the frame and ${Object.keys(split.pages).join(', ')}; CSP with ${hashes.length} script hashes, _headers, _redirects, ${packed} files precompressed`);

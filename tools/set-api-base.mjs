// Points a built site at another API without rebuilding:
//   node tools/set-api-base.mjs <dist> <api base>
// The API base is relative to the site's public URL (`api/v1/`) or absolute
// (`https://api.example.com/v1/`). Rewrites the meta tag in index.html, 404.html and every page
// ./x publish wrote, the Content-Security-Policy in those pages and in _headers (an http API's
// origin is allowed; any https host already is), and their precompressed siblings. (Published
// pages still show what they were published from: publish again from the new API.)
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { policyFor, withApiBase, withPolicy } from './csp.mjs';
import { precompress } from './precompress.mjs';

const [dist, base] = process.argv.slice(2);
if (!dist || !base) {
  console.error('usage: node tools/set-api-base.mjs <dist> <api base>');
  process.exit(2);
}
const pages = (function walk(d) {
  return readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
})(dist).filter((f) => f.endsWith('.html') && !relative(dist, f).startsWith('api'));
let header = null;
for (const name of ['index.html', '404.html', ...pages.map((f) => relative(dist, f))].filter((n, i, all) => all.indexOf(n) === i)) {
  const path = join(dist, name);
  if (!existsSync(path)) continue;
  const html = withPolicy(withApiBase(readFileSync(path, 'utf8'), base));
  writeFileSync(path, html);
  // The app shell is precompressed at build time; a published page is not (./x publish rewrites it).
  if (name === 'index.html' || name === '404.html') precompress(path);
  else for (const packed of ['.br', '.gz']) rmSync(path + packed, { force: true });
  header ??= policyFor(html).header;
}
if (!header) {
  console.error(`no index.html in ${dist}`);
  process.exit(1);
}
const headersPath = join(dist, '_headers');
if (existsSync(headersPath)) {
  const headers = readFileSync(headersPath, 'utf8').replace(/^( {2}Content-Security-Policy: ).*$/m, `$1${header}`);
  writeFileSync(headersPath, headers);
}
console.log(`set-api-base: ${dist} now reads its API from ${base}`);

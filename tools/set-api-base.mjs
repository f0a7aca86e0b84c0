// Points a built site at another API without rebuilding:
//   node tools/set-api-base.mjs <dist> <api base>
// The API base is relative to the site's public URL (`api/v1/`) or absolute
// (`https://api.example.com/v1/`). Rewrites the meta tag in index.html (and 404.html), the
// Content-Security-Policy in those pages and in _headers (an http API's origin is allowed; any
// https host already is), and their precompressed siblings.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyFor, withApiBase, withPolicy } from './csp.mjs';
import { precompress } from './precompress.mjs';

const [dist, base] = process.argv.slice(2);
if (!dist || !base) {
  console.error('usage: node tools/set-api-base.mjs <dist> <api base>');
  process.exit(2);
}
let header = null;
for (const name of ['index.html', '404.html']) {
  const path = join(dist, name);
  if (!existsSync(path)) continue;
  const html = withPolicy(withApiBase(readFileSync(path, 'utf8'), base));
  writeFileSync(path, html);
  precompress(path);
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

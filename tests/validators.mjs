// What we publish, checked by the tools its users trust (run by `./x test` after the builds):
// - the W3C's Nu HTML Checker (npm vnu-jar, on Java) over every kind of page: the app shell (every address
//   publish did not write), front pages, sections, later feed pages and stories, in each language, of the demo
//   of another outlet's hostile data published under /news/, and of the site published from the test
//   WordPress (dist-wp: every block, hostile markup);
// - structured-data-testing-tool's Google, Twitter and Facebook presets on a story with a picture
//   and on one without (which previews with the site's own picture).
// Exits 1 on any error either reports.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vnu from 'vnu-jar';
import sdtt from 'structured-data-testing-tool';
import { Google } from 'structured-data-testing-tool/presets/google.js';
import { Twitter } from 'structured-data-testing-tool/presets/twitter.js';
import { Facebook } from 'structured-data-testing-tool/presets/facebook.js';

/** The first published story page under `dir` whose file name starts with `id`-'s folder. */
function story(dir, id) {
  const folder = join(dir, id);
  const file = existsSync(folder) && readdirSync(folder).find((f) => f.endsWith('.html'));
  if (!file) throw new Error(`no published story at ${folder}`);
  return join(folder, file);
}

const withPicture = story('dist/en/politics', '1000');
const withoutPicture = story('dist/en/culture', '1003');
const pages = [
  'dist/index.html',
  'dist/en/index.html', 'dist/en/economy.html', 'dist/en/page/2.html', 'dist/en/economy/page/2.html',
  withPicture, withoutPicture,
  'dist/ru/index.html', story('dist/ru/politics', '2000'),
  'dist/hy/index.html', story('dist/hy/politics', '3000'),
  'dist/az/index.html', story('dist/az/politics', '4000'),
  'dist-news-api/fr/index.html', 'dist-news-api/fr/arts.html',
  ...readdirSync('dist-news-api/fr/arts', { recursive: true })
    .filter((f) => String(f).endsWith('.html') && !String(f).startsWith('page'))
    .map((f) => join('dist-news-api/fr/arts', String(f))),
  'dist-wp/en/index.html', 'dist-wp/en/culture.html',
  ...['politics', 'culture'].flatMap((section) => readdirSync(`dist-wp/en/${section}`, { recursive: true })
    .filter((f) => String(f).endsWith('.html') && !String(f).startsWith('page'))
    .map((f) => join(`dist-wp/en/${section}`, String(f)))),
];
for (const page of pages) if (!existsSync(page)) throw new Error(`${page} was not published`);

let failed = 0;

// The Nu HTML Checker: errors only (its warnings are advice, such as a redundant role).
try {
  execFileSync('java', ['-Xss2m', '-jar', vnu, '--errors-only', '--format', 'gnu', ...pages], { stdio: 'pipe' });
  console.log(`Nu HTML Checker: ${pages.length} pages, 0 errors`);
} catch (e) {
  const report = String(e.stderr || e.stdout || e.message).trim();
  console.error(`Nu HTML Checker: errors in ${pages.length} pages\n${report}`);
  failed++;
}

// Structured data and preview tags, for a story with a picture and one without.
for (const [what, page] of [['with a picture', withPicture], ['without a picture', withoutPicture]]) {
  const html = readFileSync(page, 'utf8');
  try {
    const result = await sdtt.structuredDataTest(html, { presets: [Google, Twitter, Facebook] });
    console.log(`structured-data-testing-tool, a story ${what}: ${result.passed.length} passed, 0 failed`);
  } catch (e) {
    if (e.type !== 'VALIDATION_FAILED') throw e;
    failed++;
    console.error(`structured-data-testing-tool, a story ${what} (${page}):`);
    for (const t of e.res.failed) console.error(`  FAIL ${t.group ?? ''} ${t.test}: ${t.description ?? ''} ${t.error?.message ?? ''}`);
  }
}
process.exit(failed ? 1 : 0);

// Publish time and output size (part of ./x bench; prints figures, asserts nothing): the demo
// outlet, and a generated outlet of 20,000 stories in one language read from a folder, each
// published twice into a fresh copy of the built app (dist/index.html): the first run writes every
// page, the second finds nothing changed. Run after ./x build: node bench/publish-time.mjs
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STORIES = Number(process.env.BENCH_STORIES ?? 20_000);
const work = 'target/bench-publish';
const demo = JSON.parse(readFileSync('public/api/v1/en/articles/1000.json', 'utf8'));

/** A contract v1 outlet of `count` stories in 8 sections, 20 stories a feed page. */
function generate(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  const write = (path, value) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(value));
  };
  const sections = Array.from({ length: 8 }, (_, i) => ({ slug: `section-${i}`, title: `Section ${i}`, description: `Stories of section ${i}.` }));
  write('site.json', { name: 'Bench Outlet', default_language: 'en', languages: [{ code: 'en', label: 'EN', name: 'English' }], social: [], apps: [] });
  write('en/edition.json', { sections, footer_notice: 'Reuse with a link.' });
  const summaries = Array.from({ length: count }, (_, i) => {
    const minutes = count - i;
    const published = new Date(Date.UTC(2026, 10, 30) - minutes * 60_000).toISOString().replace('.000Z', 'Z');
    return { ...demo, id: String(i + 1), slug: `story-${i + 1}`, section: sections[i % 8].slug, title: `Story ${i + 1}: ${demo.title}`, published_at: published };
  });
  const summary = ({ body, author, tags, related, translations, updated_at, ...s }) => s;
  write('en/search-index.json', { items: summaries.map(summary) });
  const page = (items) => ({ page: 1, total_pages: Math.ceil(items.length / 20), items: items.slice(0, 20).map(summary) });
  write('en/feeds/latest/1.json', page(summaries));
  for (const s of sections) write(`en/feeds/${s.slug}/1.json`, page(summaries.filter((x) => x.section === s.slug)));
  for (const s of summaries) write(`en/articles/${s.id}.json`, { ...s, translations: {}, related: [] });
}

function publish(api, out) {
  const started = process.hrtime.bigint();
  const output = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'publish', '--', '--api', api,
    '--site-url', 'https://news.example.com/', '--out', out], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, summary: output.trim().split('\n').at(-1) };
}

function folderSize(dir) {
  let files = 0, bytes = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) { const inner = folderSize(path); files += inner.files; bytes += inner.bytes; } else { files++; bytes += s.size; }
  }
  return { files, bytes };
}

execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'publish']); // compiled before timing
console.log(`\n## Publish time (./x publish, 2 cores; each a fresh output folder, then the same again)`);
for (const [name, api] of [['demo outlet (672 stories, 4 languages)', 'public/api/v1'], [`generated outlet (${STORIES} stories)`, null]]) {
  const source = api ?? join(work, 'api');
  if (!api) generate(source, STORIES);
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  copyFileSync('dist/index.html', join(out, 'index.html'));
  const first = publish(source, out);
  const again = publish(source, out);
  const { files, bytes } = folderSize(out);
  console.log(`${name}: first run ${first.seconds.toFixed(1)} s, re-run ${again.seconds.toFixed(1)} s; ${files} files, ${(bytes / 1e6).toFixed(1)} MB`);
  console.log(`  ${first.summary}\n  ${again.summary}`);
}
rmSync(work, { recursive: true, force: true });

// Publish time, memory and output size (part of ./x bench; prints figures, asserts nothing),
// side by side with Hugo (Debian's `hugo`, minimal templates: a page per story and a paginated
// list per section and for the front page, as Gazette publishes) on the same generated stories,
// in the same run. Gazette's release publisher (target/publisher/publish, as ./x publish runs it)
// publishes a generated outlet of STORIES stories in one language from a folder into a fresh copy
// of the built app, pages only (--api-base: the API is read where it is, as Hugo has none): a
// first run, a re-run with nothing changed, and re-runs after a story was corrected; then the
// first run again with the API copied beside the pages (the default for a folder API). Hugo
// builds the same stories first and again (it has no incremental builds). Each
// figure is the median of 3, with peak memory (GNU time's maximum resident set size).
// Run after ./x build: node bench/publish-time.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from './lighthouse.mjs';

const STORIES = Number(process.env.BENCH_STORIES ?? 20_000);
const RUNS = 3;
const PER_PAGE = 20;
// In memory (tmpfs) where the machine has it: both tools then measure their own work, not a
// shared disk's mood (on this kind of machine a first run's wall time on disk varied 8–26 s from
// one round to the next). BENCH_PUBLISH_DIR puts it elsewhere, on the disk a newsroom uses.
const work = process.env.BENCH_PUBLISH_DIR ?? (statSync('/dev/shm', { throwIfNoEntry: false })?.isDirectory() ? '/dev/shm/gazette-bench-publish' : 'target/bench-publish');
const demo = JSON.parse(readFileSync('public/api/v1/en/articles/1000.json', 'utf8'));
const PUBLISHER = 'target/publisher/publish';

/** A contract v1 outlet of `count` stories in 8 sections, every feed page, newest first. */
function generate(dir, count) {
  rmSync(dir, { recursive: true, force: true });
  const write = (path, value) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), JSON.stringify(value));
  };
  const sections = Array.from({ length: 8 }, (_, i) => ({ slug: `section-${i}`, title: `Section ${i}`, description: `Stories of section ${i}.` }));
  write('site.json', { name: 'Bench Outlet', default_language: 'en', languages: [{ code: 'en', label: 'EN', name: 'English' }], social: [], apps: [] });
  write('en/edition.json', { sections, footer_notice: 'Reuse with a link.' });
  // Story 1 is the newest.
  const stories = Array.from({ length: count }, (_, i) => {
    const published = new Date(Date.UTC(2026, 10, 30) - i * 60_000).toISOString().replace('.000Z', 'Z');
    return { ...demo, id: String(i + 1), slug: `story-${i + 1}`, section: sections[i % 8].slug, title: `Story ${i + 1}: ${demo.title}`, published_at: published, translations: {}, related: [] };
  });
  const summary = ({ body, author, tags, related, translations, updated_at, ...s }) => s;
  write('en/search-index.json', { items: stories.map(summary) });
  const feed = (name, items) => {
    const total = Math.max(1, Math.ceil(items.length / PER_PAGE));
    for (let page = 1; page <= total; page++) {
      write(`en/feeds/${name}/${page}.json`, { page, total_pages: total, items: items.slice((page - 1) * PER_PAGE, page * PER_PAGE).map(summary) });
    }
  };
  feed('latest', stories);
  for (const s of sections) feed(s.slug, stories.filter((x) => x.section === s.slug));
  for (const s of stories) write(`en/articles/${s.id}.json`, s);
  return { stories, sections };
}

/** The same stories as a Hugo site: Markdown with front matter, and templates as plain as Gazette's pages are full. */
function hugoSite(dir, { stories, sections }) {
  rmSync(dir, { recursive: true, force: true });
  const write = (path, text) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('hugo.toml', `baseURL = "https://news.example.com/"\ntitle = "Bench Outlet"\npaginate = ${PER_PAGE}\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n`);
  write('layouts/_default/baseof.html', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} — {{ .Site.Title }}</title>'
    + '<link rel="canonical" href="{{ .Permalink }}"></head><body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main><footer>© Bench Outlet</footer></body></html>\n');
  write('layouts/_default/single.html', '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.lead }}</p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006, 15:04" }}</time>{{ .Content }}</article>{{ end }}\n');
  const list = '{{ define "main" }}<h1>{{ .Title }}</h1>{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Params.lead }}</p></article>{{ end }}'
    + '{{ with .Paginator.Next }}<a rel="next" href="{{ .URL }}">Load more</a>{{ end }}{{ end }}\n';
  write('layouts/_default/list.html', list);
  write('layouts/index.html', list.replace('.Paginator.Pages', '(.Paginate .Site.RegularPages).Pages'));
  for (const s of sections) write(`content/${s.slug}/_index.md`, `---\ntitle: "${s.title}"\n---\n`);
  const text = (inlines) => inlines.map((i) => i.text).join('');
  for (const story of stories) {
    const body = story.body.map((b) => (b.type === 'paragraph' ? text(b.content) : b.type === 'heading' ? `## ${b.text}` : '')).filter(Boolean).join('\n\n');
    write(`content/${story.section}/${story.slug}.md`, `---\ntitle: ${JSON.stringify(story.title)}\ndate: ${story.published_at}\nlead: ${JSON.stringify(story.lead)}\n---\n\n${body}\n`);
  }
}

/** Wall time and peak memory (GNU time's maximum resident set) of one command, and its last line.
 * The disk is synced first, so that no run pays for the writes of the one before it. */
function run(command, args) {
  execFileSync('sync');
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const [, seconds, kilobytes] = result.stderr.match(/TIME ([\d.]+) (\d+)/);
  return { seconds: Number(seconds), mb: Number(kilobytes) / 1024, summary: result.stdout.trim().split('\n').at(-1) };
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

const htmlFiles = (dir) => {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) n += htmlFiles(path); else if (name.endsWith('.html')) n++;
  }
  return n;
};

/** Corrects story `id`'s headline in its document, the index and the feed pages that list it. */
function correctStory(api, id, round) {
  const from = new RegExp(`Story ${id}(?: \\(corrected \\d+\\))?: `, 'g');
  const to = `Story ${id} (corrected ${round}): `;
  const files = [`en/articles/${id}.json`, 'en/search-index.json'];
  for (const feed of readdirSync(join(api, 'en/feeds'))) {
    for (const page of readdirSync(join(api, 'en/feeds', feed))) files.push(`en/feeds/${feed}/${page}`);
  }
  for (const file of files) {
    const text = readFileSync(join(api, file), 'utf8');
    const corrected = text.replace(from, to);
    if (corrected !== text) writeFileSync(join(api, file), corrected);
  }
}

const fmt = (xs, unit, digits = 2) => `${median(xs).toFixed(digits)} ${unit}`;

execFileSync('cargo', ['build', '--quiet', '--locked', '--profile', 'publisher', '--bin', 'publish']); // compiled before timing
console.log(`\n## Publish beside Hugo ${execFileSync('hugo', ['version'], { encoding: 'utf8' }).match(/v[\d.]+/)?.[0] ?? ''} (2 cores; ${STORIES} stories, median of ${RUNS}; in ${work})`);
const api = join(work, 'api');
const outlet = generate(api, STORIES);
hugoSite(join(work, 'hugo'), outlet);
const ours = { first: [], firstMb: [], again: [], againMb: [], story: [], storyMb: [], newest: [], newestMb: [], copied: [], pages: 0, size: null };
const hugo = { first: [], again: [], mb: [], pages: 0 };
for (let round = 0; round < RUNS; round++) {
  const out = join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  copyFileSync('dist/index.html', join(out, 'index.html'));
  const args = ['--api', api, '--site-url', 'https://news.example.com/', '--out', out, '--api-base', 'https://api.news.example.com/v1/'];
  const first = run(PUBLISHER, args);
  const again = run(PUBLISHER, args);
  // A story from the archive (on its own page only, and in the lists of all stories), then the
  // newest one, which every story of its section shows in its "More from" box.
  correctStory(api, STORIES / 2 + round, round);
  const story = run(PUBLISHER, args);
  correctStory(api, 1, round);
  const newest = run(PUBLISHER, args);
  ours.first.push(first.seconds); ours.firstMb.push(first.mb);
  ours.again.push(again.seconds); ours.againMb.push(again.mb);
  ours.story.push(story.seconds); ours.storyMb.push(story.mb);
  ours.newest.push(newest.seconds); ours.newestMb.push(newest.mb);
  ours.pages = htmlFiles(out) - 1; // index.html is the app's
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  copyFileSync('dist/index.html', join(out, 'index.html'));
  ours.copied.push(run(PUBLISHER, args.slice(0, -2)).seconds);
  ours.size = folderSize(out);
  console.log(`  round ${round + 1}: first run ${first.seconds.toFixed(1)} s wall (${first.summary.match(/in (\d+) ms/)?.[1]} ms in the run itself), `
    + `re-run ${again.seconds.toFixed(2)} s, an archive story ${story.seconds.toFixed(2)} s, the newest ${newest.seconds.toFixed(2)} s; `
    + `first run with the API copy ${ours.copied.at(-1).toFixed(1)} s`);
  if (round === 0) {
    console.log(`  gazette first run:   ${first.summary}\n  gazette re-run:      ${again.summary}`);
    console.log(`  an archive story:    ${story.summary}\n  the newest story:    ${newest.summary}`);
  }
  const site = join(work, 'hugo');
  rmSync(join(site, 'public'), { recursive: true, force: true });
  rmSync(join(site, 'resources'), { recursive: true, force: true });
  const hugoFirst = run('hugo', ['--quiet', '--source', site]);
  const hugoAgain = run('hugo', ['--quiet', '--source', site]);
  hugo.first.push(hugoFirst.seconds); hugo.again.push(hugoAgain.seconds); hugo.mb.push(hugoFirst.mb, hugoAgain.mb);
  hugo.pages = htmlFiles(join(site, 'public'));
}
const rate = (pages, seconds) => (pages / median(seconds)).toFixed(0);
console.log(`gazette (release publisher, pages): ${ours.pages} pages; first run ${fmt(ours.first, 's')} (${rate(ours.pages, ours.first)} pages/s, ${fmt(ours.firstMb, 'MB', 0)} peak), `
  + `re-run with nothing changed ${fmt(ours.again, 's')} (${fmt(ours.againMb, 'MB', 0)}), an archive story changed ${fmt(ours.story, 's')} (${fmt(ours.storyMb, 'MB', 0)}), `
  + `the newest story changed ${fmt(ours.newest, 's')} (${fmt(ours.newestMb, 'MB', 0)}; every page of its section shows it)`);
console.log(`hugo:                               ${hugo.pages} pages; first build ${fmt(hugo.first, 's')} (${rate(hugo.pages, hugo.first)} pages/s), every re-run ${fmt(hugo.again, 's')}, ${fmt(hugo.mb, 'MB', 0)} peak`);
console.log(`ratios: first run ${(Number(rate(ours.pages, ours.first)) / Number(rate(hugo.pages, hugo.first))).toFixed(1)}× Hugo's pages per second; `
  + `re-run ${(median(hugo.again) / median(ours.again)).toFixed(0)}× faster than Hugo's; an archive story ${(median(hugo.again) / median(ours.story)).toFixed(0)}×, the newest ${(median(hugo.again) / median(ours.newest)).toFixed(0)}× faster; `
  + `peak memory ${(median(hugo.mb) / median(ours.firstMb)).toFixed(0)}× less`);
console.log(`with the API copied beside the pages (${STORIES + 17} more files): first run ${fmt(ours.copied, 's')}`);
console.log(`output: ${ours.size.files} files, ${(ours.size.bytes / 1e6).toFixed(1)} MB with the API copy, ${(ours.size.bytes / STORIES / 1e3).toFixed(1)} KB a story`);

// The demo outlet, for scale: 672 stories in 4 languages.
const demoOut = join(work, 'demo');
rmSync(demoOut, { recursive: true, force: true });
mkdirSync(demoOut, { recursive: true });
copyFileSync('dist/index.html', join(demoOut, 'index.html'));
const demoArgs = ['--api', 'public/api/v1', '--site-url', 'https://news.example.com/', '--out', demoOut];
const demoFirst = run(PUBLISHER, demoArgs);
const demoAgain = run(PUBLISHER, demoArgs);
console.log(`demo outlet (672 stories, 4 languages): first run ${demoFirst.seconds.toFixed(2)} s, re-run ${demoAgain.seconds.toFixed(2)} s; ${folderSize(demoOut).files} files`);
if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });

// Publishing from WordPress (part of ./x bench; prints figures, asserts nothing): a generated
// WordPress of BENCH_WP_POSTS posts (default 10,000; bench/wordpress-seed.php, Debian's WordPress
// started by tests/wordpress/start.sh) published by the release publisher into a copy of the built
// app: the first run, a re-run with nothing changed, and a re-run after one post was edited in
// WordPress. Each with its wall time, the requests it made and the time WordPress took to answer
// them (from the publisher's own summary line). Run after ./x build: node bench/wordpress.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const POSTS = Number(process.env.BENCH_WP_POSTS ?? 10_000);
const PORT = 4191;
const folder = resolve('bench/out/wordpress');
const out = resolve('bench/out/wordpress-dist');
const api = `http://127.0.0.1:${PORT}/wp-json/`;

console.log(`\n== Publishing from WordPress: ${POSTS.toLocaleString('en')} posts ==`);
let started = Date.now();
execFileSync('tests/wordpress/start.sh', [folder, String(PORT), resolve('bench/wordpress-seed.php')], {
  env: { ...process.env, BENCH_WP_POSTS: String(POSTS) }, stdio: ['ignore', 'ignore', 'inherit'],
});
console.log(`WordPress installed and seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
try {
  rmSync(out, { recursive: true, force: true });
  cpSync('dist', out, { recursive: true });
  const run = (what) => {
    const t = Date.now();
    const said = execFileSync('target/publisher/publish', ['--wordpress', `en=${api}`, '--out', out,
      '--site-url', 'https://news.example.com/'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const seconds = (Date.now() - t) / 1000;
    const read = said.match(/(\d+) posts read in (\d+) requests \(WordPress answered in ([\d.]+) s\)/);
    const wrote = said.match(/publish: (\d+) written/);
    console.log(`${what.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s  ${read[2].padStart(4)} requests  `
      + `${read[1].padStart(6)} posts read  WordPress answered in ${read[3]} s  ${wrote[1]} files written`);
  };
  run('first publish');
  run('re-run, nothing changed');
  execFileSync('php', [resolve('tests/wordpress/change.php'), 'edit', `story-${Math.ceil(POSTS / 2)}`, 'Corrected: the ferry runs five times a day.'],
    { cwd: join(folder, 'site'), stdio: 'ignore' });
  run('re-run after one post was edited');
  console.log('(the search index shard that holds the edited story is built again, Pagefind builds an index whole, and so is that shard\'s block of the words index)');
} finally {
  execFileSync('tests/wordpress/stop.sh', [folder]);
}

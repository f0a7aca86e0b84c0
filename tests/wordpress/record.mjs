// Records the test WordPress's answers the native tests convert (tests/fixtures/wordpress/):
//   tests/wordpress/start.sh target/wordpress 4180 && node tests/wordpress/record.mjs http://127.0.0.1:4180/wp-json/
import { writeFileSync } from 'node:fs';

const base = process.argv[2] ?? 'http://127.0.0.1:4180/wp-json/';
const out = new URL('../fixtures/wordpress/', import.meta.url);
const get = async (route) => (await fetch(base + route)).json();
const strip = (v) =>
  Array.isArray(v) ? v.map(strip)
  : v && typeof v === 'object'
    ? Object.fromEntries(Object.entries(v).filter(([k]) => !['_links', 'avatar_urls', 'guid'].includes(k)).map(([k, x]) => [k, strip(x)]))
    : v;
const save = (name, value) => writeFileSync(new URL(name, out), JSON.stringify(strip(value), null, 1) + '\n');

const posts = await get('wp/v2/posts?per_page=100&orderby=date&order=desc&_embed=author,wp:featuredmedia,wp:term');
save('posts.json', posts.filter((p) => !p.slug.startsWith('culture-note-') || p.slug === 'culture-note-1'));
save('categories.json', await get('wp/v2/categories?per_page=100&_fields=id,name,slug,description,parent'));
const root = await get('');
save('root.json', Object.fromEntries(['name', 'description', 'url', 'home', 'gmt_offset', 'timezone_string'].map((k) => [k, root[k]])));

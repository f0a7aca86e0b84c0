// An outlet whose every text field holds a 200-character word (a compound word, a URL without
// spaces, a run of Armenian), served to the page by request interception from another API base,
// as a newsroom with such data would. Used to prove that no API text can widen the layout.
import type { Page } from '@playwright/test';
import { useApi } from './helpers';

export const LONG_API = '/long-words-api/';
const word = (seed: string) => seed.repeat(Math.ceil(200 / seed.length)).slice(0, 200);
/** Three 200-character words of different scripts and shapes. */
export const WORDS = [
  word('Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft'),
  word('https://example.org/a-very-long-address/'),
  word('Հայաստանիհանրապետությանկառավարությանորոշումը'),
];
const [W, URLISH, ARM] = WORDS;
/** The query that finds the outlet's one story through search. */
export const LONG_QUERY = W.slice(0, 12);

const image = { src: 'img/demo/section-1.svg', alt: ARM, width: 1200, height: 675, caption: W, credit: URLISH };
const summary = (id: string) => ({
  id, slug: 'long', section: 'longest', title: `${W} ${URLISH}`, lead: `${ARM} ${W}`,
  published_at: '2026-11-27T21:30:00+04:00', views: 123456789, image,
});
const run = (text: string, extra = {}) => ({ text, ...extra });

const documents: Record<string, unknown> = {
  'site.json': {
    name: W, default_language: 'en',
    languages: [{ code: 'en', label: W, name: ARM }, { code: 'de', label: URLISH, name: W }],
    social: [{ network: W, url: 'https://example.org/social' }, { network: 'youtube', url: 'https://example.org/yt' }],
    apps: [{ store: W, url: 'https://example.org/app' }],
  },
  'en/edition.json': {
    sections: [{ slug: 'longest', title: W, description: `${URLISH} ${ARM}` }, { slug: 'other', title: ARM, description: W }],
    footer_notice: `${W} ${URLISH}`,
  },
  'en/feeds/latest/1.json': { page: 1, total_pages: 1, items: [summary('long1'), summary('long2')] },
  'en/feeds/longest/1.json': { page: 1, total_pages: 1, items: [summary('long1'), summary('long2')] },
  'en/most-read.json': { items: [summary('long1'), summary('long2')] },
  'en/search-index.json': { items: [summary('long1'), summary('long2')] },
  'en/articles/long1.json': {
    ...summary('long1'), updated_at: '2026-11-28T10:00:00+04:00', author: { name: W },
    body: [
      { type: 'paragraph', content: [run(W, { bold: true }), run(' '), run(URLISH, { href: `https://example.org/${W}` }), run(ARM, { italic: true })] },
      { type: 'heading', level: 2, text: W },
      { type: 'heading', level: 3, text: ARM },
      { type: 'quote', content: [run(URLISH)], cite: W },
      { type: 'image', ...image },
      { type: 'list', ordered: true, items: [[run(W)], [run(ARM)]] },
      { type: 'list', ordered: false, items: [[run(URLISH)]] },
    ],
    tags: [W, ARM], related: [summary('long2')], translations: { de: 'long1' },
  },
};

/** Points the page at the long-words outlet (call before `goto`). */
export async function useLongWordsOutlet(page: Page) {
  await useApi(page, LONG_API);
  await page.route((url) => url.pathname.startsWith(LONG_API), (route) => {
    const doc = documents[new URL(route.request().url()).pathname.slice(LONG_API.length)];
    return doc ? route.fulfill({ json: doc }) : route.fulfill({ status: 404, body: 'not found' });
  });
}

// Sizes of the boot files a reader downloads (raw, gzip -9, brotli -q 11), shared by
// tests/size-budget.mjs (CI ceiling) and bench/bench.mjs (figures).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { pageModules } from '../tools/split-wasm.mjs';

export const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** One row per .wasm/.js/.css/.html file at the top of `dist`. */
export function bootSizes(dist) {
  return readdirSync(dist)
    .filter((f) => /\.(wasm|js|css|html)$/.test(f))
    .map((name) => {
      const buf = readFileSync(join(dist, name));
      return {
        name,
        raw: buf.length,
        gzip: gzipSync(buf, { level: 9 }).length,
        brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
}

/** The page modules' loader (tools/split-wasm.mjs). */
const LOADER = /^gazette-loader-[0-9a-f]+\.js$/;
/** The frame every page starts with: its `.wasm`, the wasm-bindgen JS glue and the page modules' loader. */
export const FRAME = new RegExp(`^gazette-[0-9a-f]+(_bg\\.wasm|\\.js)$|${LOADER.source}`);

/** Brotli bytes of the rows whose names match `re`. */
export const brotliOf = (rows, re) => rows.filter((r) => re.test(r.name)).reduce((a, r) => a + r.brotli, 0);

/**
 * What the app costs each kind of page in brotli bytes: the frame plus that page's modules
 * (tools/split-wasm.mjs), as `{ frame, pages: { feed, article, search } }`.
 */
export function appSizes(dist, rows) {
  const loader = rows.find((r) => LOADER.test(r.name));
  if (!loader) throw new Error(`no page module loader in ${dist}: build first`);
  const frame = brotliOf(rows, FRAME);
  const pages = {};
  for (const [page, files] of Object.entries(pageModules(readFileSync(join(dist, loader.name), 'utf8')))) {
    pages[page] = frame + files.reduce((sum, f) => sum + (rows.find((r) => r.name === f)?.brotli ?? NaN), 0);
  }
  return { frame, pages };
}

/** `appSizes` as one line: the frame, then what each kind of page needs with it. */
export const appSizesLine = (app) =>
  `frame ${kb(app.frame)}; with the page's modules ${Object.entries(app.pages).map(([page, bytes]) => `${page} ${kb(bytes)}`).join(', ')}`;

export function printSizes(rows) {
  for (const r of rows) console.log(`${r.name.padEnd(42)} raw ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}  brotli ${kb(r.brotli).padStart(9)}`);
}

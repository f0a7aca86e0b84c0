// Sizes of the boot files a reader downloads (raw, gzip -9, brotli -q 11), shared by
// tests/size-budget.mjs (CI ceiling) and bench/bench.mjs (figures).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

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

/** The app: the crate's `.wasm` and the wasm-bindgen JS glue that loads it. */
export const APP = /^gazette-[0-9a-f]+(_bg\.wasm|\.js)$/;
/** The page preview painted before the app (boot/preview.js). */
export const PREVIEW = /^preview-[0-9a-f]+\.js$/;

/** Brotli bytes of the rows whose names match `re`. */
export const brotliOf = (rows, re) => rows.filter((r) => re.test(r.name)).reduce((a, r) => a + r.brotli, 0);

export function printSizes(rows) {
  for (const r of rows) console.log(`${r.name.padEnd(42)} raw ${kb(r.raw).padStart(10)}  gzip ${kb(r.gzip).padStart(9)}  brotli ${kb(r.brotli).padStart(9)}`);
}

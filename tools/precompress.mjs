// Precompressed siblings (.br and .gz) of a built file, which CDNs and tests/server.mjs serve to
// browsers that accept them. Used by tools/post-build.mjs (the publisher recompresses the index.html it points at an API).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/** Files worth compressing: text and WebAssembly. */
export const COMPRESSIBLE = /\.(html|js|css|wasm|json|svg|xml|txt)$/;

/** Writes `path.br` and `path.gz` beside `path` (or removes stale ones for a tiny file); true if written. */
export function precompress(path) {
  const buf = readFileSync(path);
  if (buf.length < 512) {
    rmSync(`${path}.br`, { force: true });
    rmSync(`${path}.gz`, { force: true });
    return false;
  }
  writeFileSync(`${path}.br`, brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${path}.gz`, gzipSync(buf, { level: 9 }));
  return true;
}

// For measure.sh: one variant's wasm-bindgen output in `dir`, optimized as Gazette's release build
// optimizes its own (tools/split-wasm.mjs), then counted as bench/sizes.mjs counts Gazette's.
// Usage: node size.mjs <dir> <variant>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyGlue, optimizeWasm } from '../../tools/split-wasm.mjs';
import { bootSizes, kb } from '../sizes.mjs';

const [dir, variant] = process.argv.slice(2);
const glue = join(dir, 'stack-floor.js');
optimizeWasm(join(dir, 'stack-floor_bg.wasm'));
writeFileSync(glue, await minifyGlue(readFileSync(glue, 'utf8')));
const rows = bootSizes(dir);
const wasm = rows.find((r) => r.name.endsWith('.wasm'));
const js = rows.find((r) => r.name.endsWith('.js'));
console.log(`${variant.padEnd(12)} ${kb(wasm.raw).padStart(10)} ${kb(wasm.brotli).padStart(12)} ${kb(js.brotli).padStart(10)} ${kb(wasm.brotli + js.brotli).padStart(12)}`);

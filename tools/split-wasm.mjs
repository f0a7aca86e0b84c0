// Splits the app's WebAssembly into the frame and one module per kind of page (src/pages/split.rs),
// for tools/post-build.mjs. Trunk 0.21 runs wasm-bindgen on cargo's output itself and has no step
// between cargo and wasm-bindgen, which is where a split must happen (the splitter reads the
// linker's relocations, kept by `--emit-relocs` in .cargo/config.toml). So this redoes Trunk's
// last steps from cargo's output: wasm-split-cli, then wasm-bindgen on the frame, then wasm-opt
// on every module (index.html turns Trunk's own wasm-opt off), and puts the results under
// Trunk's hashed name. Page modules are named by their content's hash, for long caching.
// The glue is minified (terser) in release builds; the loader is not, bench/sizes.mjs reads it.
// Returns, per kind of page, the files that page needs besides the frame.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

// The same features Trunk enables for wasm-opt (data-wasm-opt-params in index.html before).
const WASM_OPT_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const LINK = './__wasm_split.js'; // the loader module wasm-split-cli writes; the frame imports it

// wasm-opt is npm's binaryen (package.json), also when Trunk runs this hook outside ./x.
const LOCAL_WASM_OPT = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));
const WASM_OPT = existsSync(LOCAL_WASM_OPT) ? LOCAL_WASM_OPT : 'wasm-opt';
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] }).toString();
const contentHash = (buf) => createHash('sha256').update(buf).digest('hex').slice(0, 16);
const fail = (why) => { throw new Error(`split-wasm: ${why}; adapt tools/split-wasm.mjs`); };

/** `wasm-opt -Oz` on `file`, in place, as every release module gets it (bench/stack-floor too). */
export function optimizeWasm(file) {
  // (Its only output is a warning about a name subsection wasm-split-cli writes: dropped.)
  const opt = spawnSync(WASM_OPT, ['-Oz', ...WASM_OPT_FEATURES, file, '-o', file], { encoding: 'utf8' });
  const said = (opt.stderr ?? '').split('\n').filter((l) => l && !/^warning: unknown name subsection/.test(l));
  if (said.length) console.error(said.join('\n'));
  if (opt.status !== 0) fail(`wasm-opt failed on ${file} (${opt.error ?? `exit ${opt.status}`})`);
}

/** The wasm-bindgen JS glue minified, as release builds ship it. */
export const minifyGlue = async (code) => (await minify(code, { module: true, compress: true, mangle: true })).code;

export async function splitWasm(dir, release) {
  const js = readdirSync(dir).filter((f) => /^gazette-[0-9a-f]+\.js$/.test(f));
  if (js.length !== 1) fail(`expected one gazette-<hash>.js from Trunk in ${dir}, found ${js.length}`);
  const name = js[0].slice(0, -3);
  const target = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps'])).target_directory;
  const input = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'gazette.wasm');

  const work = mkdtempSync(join(tmpdir(), 'gazette-split-'));
  try {
    run('wasm-split-cli', [input, work, '--out-name', name]);
    run('wasm-bindgen', ['--target', 'web', '--out-dir', join(work, 'bindgen'), '--out-name', name,
      '--no-typescript', '--keep-lld-exports', join(work, `${name}.wasm`)]); // the table and memory the page modules import
    const modules = readdirSync(work).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f));
    if (!modules.some((f) => f.startsWith('split_'))) fail('wasm-split-cli made no page modules');
    const frame = join(work, 'bindgen', `${name}_bg.wasm`);
    if (release) [frame, ...modules.map((m) => join(work, m))].forEach(optimizeWasm);

    // Content-hashed names, written into the loader, whose own name is then hashed in turn.
    let link = readFileSync(join(work, '__wasm_split.js'), 'utf8');
    for (const m of modules) {
      const file = `gazette-${m.slice(0, -5).replace('_', '-')}-${contentHash(readFileSync(join(work, m)))}.wasm`;
      const reference = `"./${m}"`;
      if (!link.includes(reference)) fail(`the loader does not name ${m}`);
      link = link.replace(reference, `"./${file}"`);
      copyFileSync(join(work, m), join(dir, file));
    }
    const linkName = `gazette-loader-${contentHash(link)}.js`;
    writeFileSync(join(dir, linkName), link);
    let glue = readFileSync(join(work, 'bindgen', `${name}.js`), 'utf8');
    // Only the import statements: the import object keeps the module name the wasm asks for.
    const importStatement = new RegExp(`^(import \\* as \\w+ from )"${LINK.replace('.', '\\.')}"`, 'gm');
    if (!importStatement.test(glue)) fail(`wasm-bindgen's glue does not import ${LINK}`);
    glue = glue.replace(importStatement, `$1"./${linkName}"`);
    if (release) glue = await minifyGlue(glue);
    writeFileSync(join(dir, `${name}.js`), glue);
    copyFileSync(frame, join(dir, `${name}_bg.wasm`));

    const pages = pageModules(link);
    const made = modules.filter((m) => m.startsWith('split_')).map((m) => m.slice(6, -5)).sort().join();
    if (made !== Object.keys(pages).sort().join()) fail(`the loader lists ${Object.keys(pages)}, the modules are ${made}`);
    return { name, glue, loader: linkName, loaderSource: link, pages };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Which files each page needs besides the frame, read from the loader wasm-split-cli writes:
// the page's own module and the shared chunks the loader fetches with it. Also used by
// bench/sizes.mjs to count what a reader of each page downloads.
export function pageModules(loader) {
  const chunkFile = {};
  for (const [, variable, file] of loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    chunkFile[variable] = file;
  }
  const pages = {};
  const loads = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\)/g;
  for (const [, page, file, deps] of loader.matchAll(loads)) {
    pages[page] = [file, ...deps.split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile[d] ?? fail(`unknown chunk ${d}`))];
  }
  if (!Object.keys(pages).length) fail('no page loaders in the loader module');
  return pages;
}

// Writes the service worker into a built folder (called by tools/post-build.mjs, and by the e2e
// tests' redeploy): tools/sw.js with Workbox's precache manifest of this build injected by
// Workbox's own injectManifest (every file the app is made of, found by pattern, never listed by
// hand), and the Workbox runtime beside it in a folder named by its version.
import { copyWorkboxLibraries, injectManifest } from 'workbox-build';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files named by a hash (Trunk's and tools/split-wasm.mjs's names): long-cached by hosts. */
export const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|svg)$/;

/** Of those, the ones named by their own final content's hash (split-wasm.mjs's, Trunk's CSS and icon). */
const CONTENT_NAMED = /^(gazette-(split|chunk|loader)-.+|main-.+\.css|favicon-.+\.svg)$/;

/** Writes `dir/sw.js` and `dir/workbox-v…/`; returns what the precache holds. */
export async function writeServiceWorker(dir) {
  for (const old of readdirSync(dir).filter((f) => f.startsWith('workbox-v'))) rmSync(join(dir, old), { recursive: true });
  const workboxDir = await copyWorkboxLibraries(dir);
  // Only the production builds of the modules are served (sw.js sets debug: false).
  for (const f of readdirSync(join(dir, workboxDir))) {
    if (f.endsWith('.map') || f.includes('.dev.')) rmSync(join(dir, workboxDir, f));
  }
  const source = join(dir, 'sw.src.js');
  writeFileSync(source, readFileSync(new URL('./sw.js', import.meta.url), 'utf8').replaceAll('WORKBOX_DIR', workboxDir));
  try {
    const { count, size, warnings } = await injectManifest({
      swSrc: source,
      swDest: join(dir, 'sw.js'),
      globDirectory: dir,
      // The app shell and the app's code at the top of the folder; not the API, pictures, search
      // indexes or published pages, which are read as the reader goes.
      globPatterns: ['index.html', '*.{js,wasm,css,svg}'],
      globIgnores: ['sw.js', 'sw.src.js'],
      // Files named by their own content's hash are their own revision: the browser's long-cached
      // copy is used as it is. The frame's glue and wasm keep Trunk's name, a hash of cargo's output
      // before the split and minifying: a build that changes only those tools writes new content
      // under the same name, so they are precached by their content's revision (Workbox fetches
      // them once more, past the HTTP cache, when the worker installs).
      dontCacheBustURLsMatching: CONTENT_NAMED,
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    });
    if (warnings.length) throw new Error(`service worker: ${warnings.join('; ')}`);
    return { count, size, workboxDir };
  } finally {
    rmSync(source, { force: true });
  }
}

// A new build replacing an old one on the host, while a reader's tab is open: every page module
// gets a new hashed name and the old files are gone, as after a real deploy of changed code. It
// is made from the served build itself (a second release build would take minutes): modules are
// renamed, the loader and the glue that name them rewritten, and index.html's preload links,
// integrity hashes, Content-Security-Policy and service worker made to match, by the build's own tools.
// It lands as a host switches deploys: made whole beside the served one, then served instead of it
// at once, so that no request (a browser's check for a new service worker least of all) ever gets
// half of one deploy and half of the other.
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

// The build's own tools are ES modules, which Playwright's TypeScript loader cannot `import`.
const tools = async () => ({
  // @ts-expect-error: plain JavaScript build tools
  ...(await import('../../tools/csp.mjs')),
  // @ts-expect-error: plain JavaScript build tools
  ...(await import('../../tools/precompress.mjs')),
  // @ts-expect-error: plain JavaScript build tools
  ...(await import('../../tools/service-worker.mjs')),
});

const sha = (algorithm: string, data: string | Buffer) => createHash(algorithm).update(data).digest();
const remove = (path: string) => ['', '.br', '.gz'].forEach((ext) => rmSync(path + ext, { force: true }));

/**
 * Deploys "the next build" to `site`, the link `serveCopy` serves. With `modulesMissing`, the new
 * build's page modules are missing too (a host serving a broken deploy), to show the tab reloads
 * only once.
 */
export async function redeploy(site: string, { modulesMissing = false } = {}) {
  const { precompress, withPolicy, writeServiceWorker } = await tools();
  const served = realpathSync(site);
  const dir = `${served.replace(/-\d+$/, '')}-${Number(/-(\d+)$/.exec(served)![1]) + 1}`;
  cpSync(served, dir, { recursive: true });
  const write = (path: string, data: string | Buffer) => {
    writeFileSync(path, data);
    precompress(path);
  };
  const files = readdirSync(dir);
  const renamed = new Map<string, string>();
  for (const module of files.filter((f) => /^gazette-(split|chunk)-.+\.wasm$/.test(f))) {
    const bytes = readFileSync(join(dir, module));
    const next = module.replace(/-[0-9a-f]+\.wasm$/, `-${sha('sha256', Buffer.concat([bytes, Buffer.from('next')])).toString('hex').slice(0, 16)}.wasm`);
    renamed.set(module, next);
    remove(join(dir, module));
    if (!modulesMissing) write(join(dir, next), bytes);
  }
  const rename = (text: string) => [...renamed].reduce((t, [from, to]) => t.replaceAll(from, to), text);
  const oldLoader = files.find((f) => /^gazette-loader-[0-9a-f]+\.js$/.test(f))!;
  const loader = rename(readFileSync(join(dir, oldLoader), 'utf8'));
  const newLoader = `gazette-loader-${sha('sha256', loader).toString('hex').slice(0, 16)}.js`;
  renamed.set(oldLoader, newLoader);
  remove(join(dir, oldLoader));
  write(join(dir, newLoader), loader);
  const glueName = files.find((f) => /^gazette-[0-9a-f]+\.js$/.test(f))!;
  const glue = rename(readFileSync(join(dir, glueName), 'utf8'));
  write(join(dir, glueName), glue);
  const integrity = (text: string) => `sha384-${sha('sha384', text).toString('base64')}`;
  let html = rename(readFileSync(join(dir, 'index.html'), 'utf8'));
  for (const [name, text] of [[glueName, glue], [newLoader, loader]]) {
    html = html.replace(new RegExp(`(<link rel="modulepreload" href="[^"]*${name}"[^>]*integrity=")[^"]*`), `$1${integrity(text)}`);
  }
  write(join(dir, 'index.html'), withPolicy(html));
  // The new build's service worker, whose precache names the new files (as post-build writes it).
  await writeServiceWorker(dir);
  precompress(join(dir, 'sw.js'));
  const link = `${site}.next`;
  symlinkSync(basename(dir), link);
  renameSync(link, site);
  return { loader: newLoader };
}

// A static file server that behaves like a CDN in SPA mode: files from a folder, a published page
// at its route's own URL (`/en/politics` from en/politics.html, `/en/` from en/index.html, as
// Cloudflare Pages, Netlify, GitHub Pages and nginx's `try_files $uri $uri.html $uri/ /index.html`
// do), and index.html for any other path (including missing JSON, as Cloudflare Pages does).
// Usage: node tests/server.mjs [--dir dist] [--port 4173] [--base /] [--fixtures tests/fixtures]
// [--tls-key key.pem --tls-cert cert.pem] or, from a script or test, `await serve({ dir, port, base,
// fixtures, tls })` (port 0: any free one). With a key and certificate it speaks HTTPS, HTTP/2 to
// browsers (as CDNs do: many requests at once on one connection) and HTTP/1.1 to other clients.
// With precompressed siblings (.br/.gz) present it serves them to clients that accept them. A path
// gets the Cache-Control of every rule in the folder's `_headers` it matches (`*` matches any
// characters, `/` too), joined with ", " where several match, as Cloudflare Pages does (unless
// `longCache: false`); a path no rule gives one is served `no-cache`. Every answer carries an
// ETag of its body, and a request that names it is answered 304, as a CDN does.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.txt': 'text/plain', '.xml': 'application/xml', '.webmanifest': 'application/manifest+json',
};

async function file(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? path : null;
  } catch {
    return null;
  }
}

/**
 * The Cache-Control rules of a `_headers` file's `text`, as [pattern, value] pairs in its order. A
 * pattern is a path whose `*` matches any characters (a "splat", as Cloudflare Pages and Netlify
 * read it).
 */
export function cacheRulesOf(text) {
  const rules = [];
  let pattern = null;
  for (const line of text.split('\n')) {
    if (line.trim() && !line.startsWith(' ')) {
      const source = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      pattern = new RegExp(`^${source}$`);
    }
    const value = line.match(/^\s+Cache-Control:\s*(.*)$/i)?.[1];
    if (pattern && value) rules.push([pattern, value]);
  }
  return rules;
}

/** The Cache-Control values of the `rules` that match `pathname`, in the file's order. */
export function cacheValuesOf(rules, pathname) {
  return rules.filter(([pattern]) => pattern.test(pathname)).map(([, value]) => value);
}

/** The Cache-Control `rules` give `pathname`: every matching rule's, joined; none if none matches. */
export function cacheControlOf(rules, pathname) {
  const values = cacheValuesOf(rules, pathname);
  return values.length ? values.join(', ') : undefined;
}

async function send(req, res, path, status = 200, cacheControl = 'no-cache') {
  const type = types[extname(path)] ?? 'application/octet-stream';
  const accept = req.headers['accept-encoding'] ?? '';
  const headers = { 'content-type': type, 'cache-control': cacheControl, vary: 'accept-encoding' };
  // Each file is read whole before the headers go, so a file that a deploy removes meanwhile is an
  // error answer, never a response cut short.
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    const packed = accept.includes(enc) && (await file(path + ext));
    const body = packed && (await readFile(packed).catch(() => null));
    if (body) return answer(req, res, status, { ...headers, 'content-encoding': enc }, body);
  }
  answer(req, res, status, headers, await readFile(path));
}

/** Sends `body` with its ETag, or 304 alone if the request names that ETag. */
function answer(req, res, status, headers, body) {
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag, 'cache-control': headers['cache-control'], vary: headers.vary });
    return res.end();
  }
  res.writeHead(status, { ...headers, etag });
  res.end(body);
}

/** Starts serving; resolves with the listening server once it accepts connections. */
export async function serve({ dir = 'dist', port = 4173, base = '/', fixtures = null, longCache = true, tls = null } = {}) {
  const root = resolve(dir);
  const fixtureRoot = fixtures ? resolve(fixtures) : null;
  const rules = longCache ? cacheRulesOf(await readFile(join(root, '_headers'), 'utf8').catch(() => '')) : [];
  const handle = async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const pathname = decodeURIComponent(url.pathname);
      if (fixtureRoot && pathname.startsWith('/fixtures/')) {
        const target = normalize(join(fixtureRoot, pathname.slice('/fixtures/'.length)));
        const found = target.startsWith(fixtureRoot) && (await file(target));
        // Fixtures double as an API on another origin: allow cross-origin reads, as such an API must.
        res.setHeader('access-control-allow-origin', '*');
        if (found) return await send(req, res, found);
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
      }
      if (!pathname.startsWith(base)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('outside the public URL');
      }
      const target = normalize(join(root, pathname.slice(base.length)));
      const inside = target.startsWith(root);
      const found = inside && ((await file(target)) || (await file(`${target}.html`)) || (await file(join(target, 'index.html'))));
      await send(req, res, found || join(root, 'index.html'), 200, cacheControlOf(rules, pathname));
    } catch (e) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  };
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handle) : createServer(handle);
  return new Promise((ready, failed) => {
    server.once('error', failed);
    server.listen(port, '127.0.0.1', () => ready(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
  );
  const tls = args['tls-key'] ? { key: readFileSync(args['tls-key']), cert: readFileSync(args['tls-cert']) } : null;
  const options = { dir: args.dir, port: Number(args.port ?? 4173), base: args.base, fixtures: args.fixtures, tls };
  // (No top-level await: the browser tests import this module.)
  serve(options).then((server) => {
    console.log(`serving ${resolve(options.dir ?? 'dist')} at ${tls ? 'https' : 'http'}://127.0.0.1:${server.address().port}${options.base ?? '/'}`);
  });
}

/**
 * Runs this server in a child process (so that a benchmark's own work never delays a response)
 * and resolves once it listens. `args`: the command-line options, e.g. ['--dir', 'dist', '--port', '4180'].
 */
export async function spawnServer(args) {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ready, failed) => {
    child.once('exit', (code) => failed(new Error(`tests/server.mjs exited (${code}) before listening`)));
    child.stdout.on('data', (chunk) => { if (String(chunk).includes('serving ')) ready(); });
  });
  child.stdout.resume();
  return child;
}

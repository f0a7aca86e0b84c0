// A static file server that behaves like a CDN in SPA mode: files from a folder, and index.html
// for any path that is not a file (including missing JSON, as Cloudflare Pages does).
// Usage: node tests/server.mjs [--dir dist] [--port 4173] [--base /] [--fixtures tests/fixtures]
//                              [--api-base URL]  (serves index.html with that API base, as a
//                                                 newsroom editing the meta tag would)
// With precompressed siblings (.br/.gz) present it serves them to clients that accept them.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const dir = resolve(args.dir ?? 'dist');
const port = Number(args.port ?? 4173);
const base = args.base ?? '/';
const fixtures = args.fixtures ? resolve(args.fixtures) : null;
const apiBase = args['api-base'];
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.txt': 'text/plain', '.webmanifest': 'application/manifest+json',
};

async function file(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? path : null;
  } catch {
    return null;
  }
}

async function send(req, res, path, status = 200) {
  const type = types[extname(path)] ?? 'application/octet-stream';
  const accept = req.headers['accept-encoding'] ?? '';
  const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
  if (apiBase && path.endsWith('.html')) {
    res.writeHead(status, headers);
    const html = (await readFile(path, 'utf8')).replace(/(<meta name="gazette-api-base" content=")[^"]*(">)/, `$1${apiBase}$2`);
    return res.end(html);
  }
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    const packed = accept.includes(enc) && (await file(path + ext));
    if (packed) {
      res.writeHead(status, { ...headers, 'content-encoding': enc });
      return res.end(await readFile(packed));
    }
  }
  res.writeHead(status, headers);
  res.end(await readFile(path));
}

createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    const pathname = decodeURIComponent(url.pathname);
    if (fixtures && pathname.startsWith('/fixtures/')) {
      const target = normalize(join(fixtures, pathname.slice('/fixtures/'.length)));
      const found = target.startsWith(fixtures) && (await file(target));
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
    const target = normalize(join(dir, pathname.slice(base.length)));
    const found = target.startsWith(dir) && (await file(target));
    await send(req, res, found || join(dir, 'index.html'));
  } catch (e) {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(String(e));
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`));

// The Content-Security-Policy of a built index.html, computed from the page itself: the hashes of
// its inline scripts and styles, and the origin of its API base (<meta name="gazette-api-base">).
// Used by tools/post-build.mjs when building and by tools/set-api-base.mjs when a newsroom
// points a built site at another API.
import { createHash } from 'node:crypto';

const API_BASE_META = /<meta name="gazette-api-base" content="([^"]*)">/;
const CSP_META = /\n? *<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/** The CSP hashes of the bodies of `html`'s inline `element`s (`script` or `style`). */
export const inlineHashes = (html, element) =>
  [...html.matchAll(new RegExp(`<${element}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${element}>`, 'g'))]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);

/** The API base `html` names (relative to the page, or absolute). */
export const apiBaseOf = (html) => html.match(API_BASE_META)?.[1] ?? 'api/v1/';

/** `html` with its API base meta set to `base`. */
export function withApiBase(html, base) {
  if (!API_BASE_META.test(html)) throw new Error('no <meta name="gazette-api-base"> in the page');
  return html.replace(API_BASE_META, `<meta name="gazette-api-base" content="${base.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">`);
}

/**
 * The policy for `html`, as the `<meta>` carries it and as the `_headers` line carries it (with
 * frame-ancestors, which a meta cannot set). Fetches and images may go to this site and to any
 * https host, so an https API on another host works by editing the meta alone; an http API adds
 * its own origin (a local development API among them) and nothing else. Scripts stay locked to
 * this site and the page's own inline hashes, which is what keeps injected code out.
 */
export function policyFor(html) {
  const base = apiBaseOf(html);
  const apiOrigin = /^http:\/\//i.test(base) ? ` ${new URL(base).origin}` : '';
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineHashes(html, 'script').join(' ')}`,
    ["style-src 'self'", ...inlineHashes(html, 'style')].join(' '),
    `img-src 'self' https: data:${apiOrigin}`,
    `connect-src 'self' https:${apiOrigin}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  return { meta: policy.join('; '), header: [...policy, "frame-ancestors 'none'"].join('; ') };
}

/** `html` with its CSP meta (added after `<meta charset>`, or replaced) matching the page. */
export function withPolicy(html) {
  const { meta } = policyFor(html.replace(CSP_META, ''));
  const tag = `<meta http-equiv="Content-Security-Policy" content="${meta}">`;
  return CSP_META.test(html)
    ? html.replace(CSP_META, (old) => old.replace(/<meta[^>]*>/, tag))
    : html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  ${tag}`);
}

// The Content-Security-Policy of a built index.html, computed from the page itself: the hashes of
// its inline scripts and styles. Used by tools/post-build.mjs when building. Where the API lives
// (img-src and connect-src for an http: API) is set by the one function that points the app at
// an API, in the publisher (src/publish/deploy.rs: ./x publish --api-base, ./x set-api-base).
import { createHash } from 'node:crypto';

const CSP_META = /\n? *<meta http-equiv="Content-Security-Policy" content="[^"]*">/;

/** The CSP hashes of the bodies of `html`'s inline `element`s (`script` or `style`). */
export const inlineHashes = (html, element) =>
  [...html.matchAll(new RegExp(`<${element}(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</${element}>`, 'g'))]
    .map(([, body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);

/**
 * The policy for `html`, as the `<meta>` carries it and as the `_headers` line carries it (with
 * frame-ancestors, which a meta cannot set). Fetches and images may go to this site and to any
 * https host, so an https API on another host works by editing the meta alone; an http API's own
 * origin is added by the publisher when it points the app at one. Scripts stay locked to this
 * site and the page's own inline hashes, which is what keeps injected code out.
 */
export function policyFor(html) {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineHashes(html, 'script').join(' ')}`,
    ["style-src 'self'", ...inlineHashes(html, 'style')].join(' '),
    "img-src 'self' https: data:",
    "connect-src 'self' https:",
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

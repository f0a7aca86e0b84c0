// Lighthouse 12 (mobile, default simulated throttling) against pages of a served dist/.
// Shared by bench/bench.mjs (prints figures) and tests/lighthouse-gate.mjs (CI gate).
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

export const PAGES = {
  home: '/en/',
  section: '/en/economy',
  article: '/en/politics/1000/opposition-parties-debate-runs-late-into-the-night-0',
};
export const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Per page: median category scores (0–100) and metrics over `runs` runs. `flags` are Lighthouse's
 * (the gate applies throttling rather than simulating it: `{ throttlingMethod: 'devtools' }`). */
export async function measure(origin, runs, chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pages = PAGES, flags = {}) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  const rows = [];
  try {
    for (const [name, path] of Object.entries(pages)) {
      const lhrs = [];
      for (let i = 0; i < runs; i++) lhrs.push((await lighthouse(origin + path, { port: chrome.port, output: 'json', logLevel: 'error', ...flags })).lhr);
      const cat = (id) => median(lhrs.map((r) => Math.round(r.categories[id].score * 100)));
      const num = (id) => median(lhrs.map((r) => r.audits[id].numericValue));
      rows.push({
        name,
        performance: cat('performance'), accessibility: cat('accessibility'), bestPractices: cat('best-practices'), seo: cat('seo'),
        fcp: num('first-contentful-paint'), lcp: num('largest-contentful-paint'), tbt: num('total-blocking-time'),
        cls: num('cumulative-layout-shift'), si: num('speed-index'), bytes: num('total-byte-weight'), tti: num('interactive'),
        failing: Object.values(lhrs[0].audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary').map((a) => a.id),
      });
    }
  } finally {
    await chrome.kill();
  }
  return rows;
}

export function print(rows) {
  console.log('page      perf  a11y  bp   seo   FCP ms  LCP ms  TBT ms  CLS     SI ms   bytes');
  for (const r of rows) {
    console.log(`${r.name.padEnd(9)} ${String(r.performance).padStart(4)} ${String(r.accessibility).padStart(5)} ${String(r.bestPractices).padStart(4)} ${String(r.seo).padStart(5)}`
      + ` ${r.fcp.toFixed(0).padStart(8)} ${r.lcp.toFixed(0).padStart(7)} ${r.tbt.toFixed(0).padStart(7)} ${r.cls.toFixed(3).padStart(6)} ${r.si.toFixed(0).padStart(7)} ${r.bytes.toFixed(0).padStart(8)}`);
    if (r.failing.length) console.log(`          failing binary audits: ${r.failing.join(', ')}`);
  }
}

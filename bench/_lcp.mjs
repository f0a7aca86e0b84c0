import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
await page.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lcp.push([Math.round(e.startTime), e.size, e.element?.tagName, e.element?.className, !!e.element?.closest('#boot-shell')]))).observe({ type: 'largest-contentful-paint', buffered: true });
  new MutationObserver(() => { const s = document.getElementById('boot-shell'); if (s?.dataset.preview && !window.__pv) window.__pv = Math.round(performance.now()); if (s) window.__seen = 1; if (!s && window.__seen && !window.__gone) window.__gone = Math.round(performance.now()); }).observe(document, { subtree: true, childList: true, attributes: true });
});
await page.goto('http://127.0.0.1:4180' + (process.argv[2] ?? '/en/politics/1000/opposition-parties-debate-runs-late-into-the-night-0'));
await page.waitForTimeout(1500);
console.log(JSON.stringify(await page.evaluate(() => ({ lcp: window.__lcp, preview: window.__pv, shellGone: window.__gone }))));
await browser.close();

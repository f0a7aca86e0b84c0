import { chromium } from 'playwright-core';
const url = 'http://127.0.0.1:4180' + (process.argv[2] ?? '/en/economy');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const res = [];
for (let i = 0; i < Number(process.argv[3] ?? 7); i++) {
  const ctx = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => { window.__tasks = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true }); });
  await page.goto(url);
  await page.waitForTimeout(2500);
  const tasks = await page.evaluate(() => window.__tasks);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0);
  res.push(Math.round(tasks.filter(([s]) => s > fcp).reduce((a, [, d]) => a + Math.max(0, d - 50), 0)));
  await ctx.close();
}
await browser.close();
res.sort((a, b) => a - b);
console.log(process.argv[2], 'blocking after FCP (4x CPU), runs:', res.join(' '), 'median', res[res.length >> 1]);

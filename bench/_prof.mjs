import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
await page.addInitScript(() => {
  window.__tasks = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
});
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto('http://127.0.0.1:4180' + (process.argv[2] ?? '/en/economy'));
await page.waitForTimeout(3000);
console.log(JSON.stringify(await page.evaluate(() => window.__tasks)));
await browser.close();

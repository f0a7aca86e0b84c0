import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'] });
await page.goto('http://127.0.0.1:4180' + (process.argv[2] ?? '/en/economy'));
await page.waitForTimeout(3000);
const buf = await browser.stopTracing();
await browser.close();
const events = JSON.parse(buf.toString()).traceEvents;
const main = events.filter((e) => e.name === 'RunTask' && e.dur > 40000 * 1);
// main-thread tid: the one with most RunTask durations > 40ms in renderer
for (const t of main.sort((a,b)=>b.dur-a.dur).slice(0, 8)) {
  const inside = events.filter((e) => e.tid === t.tid && e.pid === t.pid && e.ts >= t.ts && e.ts + (e.dur||0) <= t.ts + t.dur && e.ph === 'X' && e !== t);
  // self time by name
  const self = new Map();
  inside.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  for (const e of inside) {
    const children = inside.filter((c) => c !== e && c.ts >= e.ts && c.ts + c.dur <= e.ts + e.dur);
    // only direct children approx: subtract sum of children that are not nested in other children
    let childDur = 0; let end = -1;
    for (const c of children) { if (c.ts >= end) { childDur += c.dur; end = c.ts + c.dur; } }
    self.set(e.name, (self.get(e.name) ?? 0) + Math.max(0, e.dur - childDur));
  }
  console.log('task', Math.round(t.dur/1000), 'ms:', [...self].sort((a,b)=>b[1]-a[1]).slice(0,10).map(([n,d])=>`${n} ${Math.round(d/1000)}`).join(', '));
}

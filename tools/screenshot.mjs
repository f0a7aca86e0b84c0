// Screenshot of a page in headless Chromium, with its console messages, for looking at what a
// reader sees: node tools/screenshot.mjs URL [out.png]   (env: W width, WAIT ms, FULL=1 full page)
import { chromium } from 'playwright-core';
const url = process.argv[2]; const out = process.argv[3] ?? '/tmp/shot.png';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await browser.newPage({ viewport: { width: Number(process.env.W ?? 1280), height: 900 } });
page.on('console', m => console.log('console:', m.type(), m.text().slice(0, 300)));
page.on('pageerror', e => console.log('pageerror:', e.message));
await page.goto(url);
await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
console.log('url:', page.url(), 'title:', await page.title(), 'lang:', await page.evaluate(() => document.documentElement.lang));
await page.screenshot({ path: out, fullPage: !!process.env.FULL });
await browser.close();

import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 400)));
page.on('pageerror', (e) => console.log('pageerror', e.message.slice(0, 400)));
await page.goto('http://127.0.0.1:4180' + (process.argv[2] ?? '/en/'));
await page.waitForTimeout(1500);
console.log((await page.locator('body').innerText()).slice(0, 300));
await browser.close();

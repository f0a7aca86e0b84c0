import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROME_FLAGS, PAGES } from '/work/main/bench/lighthouse.mjs';
const origin = 'http://127.0.0.1:4180';
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
for (const name of (process.argv[2] ?? 'article,section').split(',')) {
  const { lhr } = await lighthouse(origin + PAGES[name], { port: chrome.port, output: 'json', logLevel: 'error' });
  const a = lhr.audits;
  console.log('##', name, 'perf', lhr.categories.performance.score, 'FCP', a['first-contentful-paint'].numericValue|0, 'LCP', a['largest-contentful-paint'].numericValue|0, 'TBT', a['total-blocking-time'].numericValue|0);
  console.log('lcp element', JSON.stringify(a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? a['largest-contentful-paint-element']?.errorMessage));
  console.log('lcp breakdown', JSON.stringify(a['largest-contentful-paint-element']?.details?.items?.[1]?.items));
  console.log('long tasks', JSON.stringify(a['long-tasks']?.details?.items?.map(i => [i.url?.slice(-30), i.startTime|0, i.duration|0])));
  console.log('bootup', JSON.stringify(a['bootup-time']?.details?.items?.map(i => [i.url?.slice(-30), i.total|0, i.scripting|0, i.scriptParseCompile|0])));
  console.log('mainthread', JSON.stringify(a['mainthread-work-breakdown']?.details?.items?.map(i => [i.group, i.duration|0])));
  console.log('requests', JSON.stringify(a['network-requests']?.details?.items?.map(i => [i.url.slice(-40), i.priority, i.networkRequestTime|0, i.networkEndTime|0, i.transferSize])));
}
await chrome.kill();

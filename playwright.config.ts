// Browser tests against the release dist/, served like a CDN in SPA mode (tests/server.mjs).
import { defineConfig } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 45_000,
  expect: { timeout: 8_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    locale: 'en-US',
    // The service worker is tested in offline.spec.ts, which allows it: elsewhere it would answer
    // requests that tests route or count, from caches filled by earlier pages.
    serviceWorkers: 'block',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'node tests/server.mjs --dir dist --port 4173 --fixtures tests/fixtures',
      url: 'http://127.0.0.1:4173/index.html',
      reuseExistingServer: !process.env.CI,
    },
    {
      // The same app built with --public-url /news/ (./x test builds it into dist-news).
      command: 'node tests/server.mjs --dir dist-news --port 4175 --base /news/',
      url: 'http://127.0.0.1:4175/news/index.html',
      reuseExistingServer: !process.env.CI,
    },
    {
      // dist-news pointed at an API on another origin (the fixtures) by tools/set-api-base.mjs,
      // as a newsroom would point a built site at its API (./x test makes dist-news-api).
      command: 'node tests/server.mjs --dir dist-news-api --port 4176 --base /news/',
      url: 'http://127.0.0.1:4176/news/index.html',
      reuseExistingServer: !process.env.CI,
    },
    {
      // The site published from the test WordPress (./x test starts it and makes dist-wp).
      command: 'node tests/server.mjs --dir dist-wp --port 4177',
      url: 'http://127.0.0.1:4177/index.html',
      reuseExistingServer: !process.env.CI,
    },
  ],
});

// Issue 5: copy link, share, print, search, and the header and footer.
import { test, expect } from './helpers';

const PATH = '/en/politics/1000/opposition-parties-debate-runs-late-into-the-night-0';
const URL_ = `http://127.0.0.1:4173${PATH}`;

test.describe('with clipboard permission', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link copies the canonical URL and confirms in a live region, once', async ({ page }) => {
    // The page's clock is the test's: the confirmation's 3 s are stepped through, not waited for.
    await page.clock.install();
    await page.goto('/en/politics/1000/wrong-slug');
    await expect(page).toHaveURL(URL_);
    await page.clock.pauseAt(Date.now() + 60_000);
    const button = page.getByRole('button', { name: 'Copy link' });
    const status = page.locator('.copy-link [role="status"]');
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await button.click();
    await expect(status).toHaveText('Link copied');
    expect(await clipboard()).toBe(URL_);
    await page.clock.runFor(1500);
    await expect(status).toHaveText('Link copied');
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await button.click(); // restarts the timer rather than stacking
    await expect.poll(clipboard).toBe(URL_); // the second copy is done, and its timer set
    await expect(page.getByText('Link copied')).toHaveCount(1);
    await page.clock.runFor(2000); // 3.5 s after the first click, 2 s after the second
    await expect(status).toHaveText('Link copied');
    await page.clock.runFor(1100); // 3.1 s after the second
    await expect(status).toHaveText('');
  });

  test('the confirmation is in the reader’s language', async ({ page }) => {
    await page.goto('/ru/politics/2000/opposition-parties-debate-runs-late-into-the-night-0');
    await page.getByRole('button', { name: 'Скопировать ссылку' }).click();
    await expect(page.locator('.copy-link [role="status"]')).toHaveText('Ссылка скопирована');
  });
});

test('without the Clipboard API the link is selected and the reader told how to copy it', async ({ page }) => {
  await page.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }); });
  await page.goto(PATH);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.copy-link [role="status"]')).toHaveText('Press Ctrl+C (⌘C on a Mac) to copy the link.');
  const field = page.getByRole('textbox', { name: 'Article link' });
  await expect(field).toHaveValue(URL_);
  await expect(field).toBeFocused();
  expect(await field.evaluate((e: HTMLInputElement) => [e.selectionStart, e.selectionEnd])).toEqual([0, URL_.length]);
  await expect(page.getByText('Link copied')).toHaveCount(0);
});

test('a refused clipboard write is not reported as a copy', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')) }) });
  });
  await page.goto(PATH);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('textbox', { name: 'Article link' })).toBeVisible();
  await expect(page.getByText('Link copied')).toHaveCount(0);
});

test('share links carry the encoded URL and headline and open safely', async ({ page }) => {
  await page.goto(PATH);
  const enc = encodeURIComponent(URL_);
  const title = encodeURIComponent('Opposition parties: debate runs late into the night');
  const expectations: [string, string][] = [
    ['Share on X', `https://twitter.com/intent/tweet?url=${enc}&text=${title}`],
    ['Share on Facebook', `https://www.facebook.com/sharer/sharer.php?u=${enc}`],
    ['Share on Telegram', `https://t.me/share/url?url=${enc}&text=${title}`],
    ['Share on WhatsApp', `https://wa.me/?text=${title}%20${enc}`],
    ['Share by e-mail', `mailto:?subject=${title}&body=${enc}`],
  ];
  for (const [name, href] of expectations) {
    const link = page.getByRole('link', { name });
    await expect(link).toHaveAttribute('href', href);
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toHaveAttribute('target', '_blank');
  }
});

test('a native Share button comes first where the device has one', async ({ page }) => {
  await page.addInitScript(() => {
    (navigator as any).share = (data: ShareData) => { (window as any).__shared = data; return Promise.resolve(); };
  });
  await page.goto(PATH);
  const native = page.getByRole('button', { name: 'Share…' });
  await expect(page.locator('.share-bar > :first-child')).toHaveText('Share…');
  await native.click();
  expect(await page.evaluate(() => (window as any).__shared)).toEqual({ url: URL_, title: 'Opposition parties: debate runs late into the night' });
});

test('Print calls window.print, and print media shows only the story and its source', async ({ page }) => {
  await page.addInitScript(() => { (window as any).__printed = 0; window.print = () => { (window as any).__printed++; }; });
  await page.goto(PATH);
  await page.getByRole('button', { name: 'Print' }).click();
  expect(await page.evaluate(() => (window as any).__printed)).toBe(1);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.share-bar')).toBeHidden();
  await expect(page.locator('.ad-slot').first()).toBeHidden();
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.locator('.article__headline')).toBeVisible();
  await expect(page.locator('.print-source')).toHaveText(`Source: Highland Ledger, ${URL_}`);
  expect(await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor])).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
});

test('the header search goes to the search page and highlights matches', async ({ page }) => {
  await page.goto('/en/');
  const box = page.getByRole('search').first().getByRole('searchbox', { name: 'Search' });
  await expect(box).toHaveAttribute('placeholder', 'What are you looking for?');
  await box.fill('budget');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/en\/search\?q=budget$/);
  await expect(page.locator('.search-page__count')).toHaveText(/^Results: \d+\+?$/);
  await expect(page.locator('.search-result').first().locator('mark').first()).toHaveText(/budget/i);
});

test('the header has a skip link, sections, social and app links', async ({ page }) => {
  await page.goto('/en/culture');
  await expect(page.getByRole('feed')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/\/en\/culture$/);
  for (const name of ['X (Twitter)', 'YouTube', 'Instagram', 'Facebook', 'Telegram', 'Download on the App Store', 'Get it on Google Play']) {
    await expect(page.getByRole('link', { name, exact: true })).toHaveAttribute('href', /^https:\/\//);
  }
  await expect(page.getByRole('contentinfo')).toContainText('Reuse of our material is permitted only with a hyperlink');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });
  test('the navigation folds into a menu that works by keyboard', async ({ page }) => {
    await page.goto('/en/');
    const menu = page.getByRole('button', { name: 'Menu' });
    const nav = page.getByRole('navigation', { name: 'Sections', exact: true });
    await expect(nav).toBeHidden();
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: 'Sport' }).click();
    await expect(page).toHaveURL(/\/en\/sport$/);
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
  });
});

// Issue 4: night theme without a flash, A+/A- text size, four UI languages and a switch that
// keeps the reader's place, and everything still working when storage is unavailable.
import { test, expect, handedOver } from './helpers';

const ARTICLE = '/en/politics/1000/opposition-parties-debate-runs-late-into-the-night-0';
const UNTRANSLATED = '/en/economy/1001/x';

test('the night theme toggles, persists across reloads, and can follow the system again', async ({ page }) => {
  await page.goto('/en/');
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: 'Night theme' });
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#121418');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Night theme' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Use system theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Use system theme' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('gazette.theme'))).toBeNull();
});

test.describe('with a dark system preference', () => {
  test.use({ colorScheme: 'dark' });
  test('dark is the default, and the background is dark', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('button', { name: 'Night theme' })).toHaveAttribute('aria-pressed', 'true');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(18, 20, 24)');
  });
});

test('no flash: the saved theme and text size are set before <body> exists', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('gazette.theme', 'dark');
    localStorage.setItem('gazette.text-size', '3');
    new MutationObserver((_, observer) => {
      if (document.body) {
        (window as any).__atBody = [document.documentElement.dataset.theme, document.documentElement.dataset.textSize];
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/en/');
  await expect(page.getByRole('feed')).toBeVisible();
  expect(await page.evaluate(() => (window as any).__atBody)).toEqual(['dark', '3']);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#121418');
});

test('A- and A+ step through the scale, stop at its ends, announce and persist', async ({ page }) => {
  await page.goto(ARTICLE);
  const html = page.locator('html');
  const smaller = page.getByRole('button', { name: 'Decrease text size' });
  const larger = page.getByRole('button', { name: 'Increase text size' });
  await expect(html).toHaveAttribute('data-text-size', '1');
  const bodySize = () => page.locator('.article-body').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const normal = await bodySize();
  for (let i = 0; i < 3; i++) await larger.click();
  await expect(html).toHaveAttribute('data-text-size', '4');
  await expect(larger).toBeDisabled();
  await expect(page.locator('.text-size [role="status"]')).toHaveText('Text size 150%');
  expect(await bodySize()).toBeCloseTo(normal * 1.5, 0);
  await page.reload();
  await expect(html).toHaveAttribute('data-text-size', '4');
  for (let i = 0; i < 4; i++) await smaller.click();
  await expect(html).toHaveAttribute('data-text-size', '0');
  await expect(smaller).toBeDisabled();
  await expect(larger).toBeEnabled();
});

test.describe('on a 360 px phone at the largest size', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the article does not overflow sideways', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('gazette.text-size', '4'));
    await page.goto(ARTICLE);
    await expect(page.locator('.article__headline')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

test('switching language on an article goes to its translation', async ({ page }) => {
  await page.goto(ARTICLE);
  await page.getByRole('link', { name: 'RU Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/politics\/2000\/opposition-parties-debate-runs-late-into-the-night-0$/);
  await handedOver(page); // a new document: its published page and the app both have a headline until then
  await expect(page.locator('.article__headline')).toHaveText('Оппозиционные партии: споры затянулись до ночи');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('button', { name: 'Ночная тема' })).toBeVisible();
  await page.getByRole('link', { name: 'ARM Հայերեն' }).click();
  await expect(page).toHaveURL(/\/hy\/politics\/3000\//);
  await handedOver(page);
  await expect(page.getByText('Դիտումներ՝ 36\u00a0162')).toBeVisible();
});

test('switching language on an untranslated article goes to the same section', async ({ page }) => {
  await page.goto(UNTRANSLATED);
  await expect(page.locator('.article__headline')).toBeVisible();
  await page.getByRole('link', { name: 'AZ Azərbaycanca' }).click();
  await expect(page).toHaveURL(/\/az\/economy$/);
  await expect(page.getByRole('heading', { level: 1, name: 'İqtisadiyyat' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'az');
});

test('switching language keeps a section and a search', async ({ page }) => {
  await page.goto('/en/sport');
  await page.getByRole('link', { name: 'RU Русский' }).click();
  await expect(page).toHaveURL(/\/ru\/sport$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Спорт' })).toBeVisible();
  await page.goto('/ru/search?q=%D0%BF%D0%B0%D1%80%D0%BB%D0%B0%D0%BC%D0%B5%D0%BD%D1%82');
  await page.getByRole('link', { name: 'EN English' }).click();
  await expect(page).toHaveURL(/\/en\/search\?q=%D0%BF/);
});

test('the chosen language is remembered for /', async ({ page }) => {
  await page.goto('/hy/');
  await expect(page.getByRole('heading', { level: 1, name: 'Վերջին լուրեր' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/hy\/$/);
});

test('dates and numbers follow the language', async ({ page }) => {
  for (const [lang, date] of [['en', '27 November 2026 21:30'], ['ru', '27 ноября 2026, 21:30'], ['hy', '27 նոյեմբերի 2026, 21:30'], ['az', '27 noyabr 2026, 21:30']]) {
    await page.goto(`/${lang}/`);
    await expect(page.getByRole('feed').locator('time').first()).toHaveText(date);
  }
  await page.goto('/az/politics/4000/x');
  await expect(page.locator('.article__views')).toHaveText('Baxış: 36.162');
});

test.describe('with storage blocked', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
  });
  test('the app still renders and preferences work for the visit', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/en\/$/);
    await expect(page.getByRole('feed').getByRole('article').first()).toBeVisible();
    await page.getByRole('button', { name: 'Night theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});

test('garbage in storage falls back to defaults', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('gazette.theme', '{"nope":1}');
    localStorage.setItem('gazette.text-size', '99');
    localStorage.setItem('gazette.lang', '<script>');
  });
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '1');
});

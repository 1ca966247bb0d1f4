import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
test.use({ javaScriptEnabled: false });
test('exp', async ({ page, browser }) => {
  await page.goto('/login');
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.locator('#field-identifier-error')).toBeVisible();
  const t0 = Date.now();
  const html = await page.content();
  console.log('content', html.length, Date.now() - t0);
  const ctx = await browser.newContext({ viewport: page.viewportSize() });
  const twin = await ctx.newPage();
  await twin.route('**/*', (route) => route.request().isNavigationRequest()
    ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: html })
    : route.continue());
  twin.on('console', (m) => console.log('twin console', m.text()));
  await twin.goto(page.url());
  const r = await new AxeBuilder({ page: twin }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  console.log('axe ok', r.violations.map(v => v.id), r.passes.length, Date.now() - t0);
  console.log(await twin.locator('html').getAttribute('lang'), await twin.locator('#field-identifier-error').textContent());
});

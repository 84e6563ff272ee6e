import { totpAt } from '@/server/auth/totp';
import { DEV_IDP_ACCOUNTS } from '../../scripts/lib/dev-idp-accounts';
import { IDP_OTP } from '../../scripts/lib/test-idp';
import { expectAccessible, snapshot } from './support/a11y';
import { expect, test } from './support/fixtures';
import { e2eState } from './support/users';

/**
 * Issue 14 in Chromium: the liaison signs in through the organisation's provider (the test provider that
 * global setup starts with `npm run dev:idp`, on another site: localhost against the tracker's 127.0.0.1),
 * on the provider's own page, lands on the overview as the linked liaison, and signs out at both ends.
 */
const liaison = DEV_IDP_ACCOUNTS.find((a) => a.username === 'liaison')!;

test('the sign-in page offers the organisation account, in Japanese and English', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('link', { name: '組織アカウントでサインイン' })).toBeVisible();
  await expectAccessible(page, 'sign-in page with the organisation account');
  await snapshot(page, 'oidc-login-ja');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('link', { name: 'Sign in with your organisation account' })).toBeVisible();
  await snapshot(page, 'oidc-login-en');
});

test('a liaison signs in at the provider, lands on the overview, and signs out at both ends', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?redirect=/);
  await page.getByRole('link', { name: '組織アカウントでサインイン' }).click();

  // The provider's own sign-in page, on its own site.
  await expect(page).toHaveURL(new RegExp(`^${e2eState().idpIssuer}/interaction/`));
  await page.getByLabel(/ユーザー名/).fill(liaison.username);
  await page.getByLabel(/パスワード/).fill(liaison.password);
  await page.getByLabel(/ワンタイムコード/).fill(IDP_OTP);
  await page.getByRole('button', { name: /サインイン/ }).click();

  // Back at the tracker: the overview, as the liaison the administrator created (linked by verified e-mail).
  await expect(page.getByRole('heading', { level: 1, name: '実施状況の概要' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/');
  const menu = page.getByRole('button', { name: /警察 次郎/ });
  await expect(menu).toContainText('府省庁担当者');
  const session = (await (await page.request.get('/api/session')).json()) as { requires: string[] };
  expect(session.requires).toEqual([]); // the provider asserted MFA: no tracker TOTP asked

  // Sign out: the tracker's session ends, then the provider's logout page asks, and sends the browser back.
  await menu.click();
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await expect(page).toHaveURL(new RegExp(`^${e2eState().idpIssuer}/session/end`));
  await page.getByRole('button', { name: /サインアウト/ }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('link', { name: '組織アカウントでサインイン' })).toBeVisible();
  expect((await page.request.get('/api/session')).status()).toBe(401);

  // The provider's session ended too: starting again asks for the password at the provider.
  await page.getByRole('link', { name: '組織アカウントでサインイン' }).click();
  await expect(page.getByLabel(/ユーザー名/)).toBeVisible();
});

test('the administrators’ users page shows how each user signs in', async ({ page }) => {
  const { admin } = e2eState();
  await page.goto('/login');
  await page.locator('#login-email').fill(admin.email);
  await page.locator('#login-password').fill(admin.password);
  await page.locator('form button[type=submit]').click();
  // The next step's code: a code is accepted once, and an earlier spec may have used this step's.
  await page.locator('#login-totp').fill(totpAt(admin.totpSecret!, Date.now() / 1000 + 30));
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto('/admin/users');
  const row = page.getByRole('row', { name: /警察 次郎/ });
  await expect(row).toContainText('組織アカウント（連携済み）');
  await expect(page.getByRole('row', { name: /閲覧 三郎/ })).toContainText('組織アカウント（初回サインインで連携）');
  await snapshot(page, 'oidc-admin-users');
});

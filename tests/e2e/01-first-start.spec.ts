import { writeFileSync } from 'node:fs';
import { expectAccessible, snapshot } from './support/a11y';
import { expect, test, totpNow } from './support/fixtures';
import { e2eState, stateFile } from './support/users';

const NEW_ADMIN_PASSWORD = 'the-first-operator-picks-a-passphrase';

test('first start: the administrator signs in with the printed one-time password, changes it and enrols TOTP', async ({
  page,
}) => {
  const state = e2eState();
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { level: 1, name: 'サインイン' })).toBeVisible();
  await expectAccessible(page, 'login');
  await snapshot(page, 'login-ja');

  // A wrong password first: a clear message, nothing else.
  await page.locator('#login-email').fill(state.admin.email);
  await page.locator('#login-password').fill('not-the-password-at-all');
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await expect(page.getByText('メールアドレスまたはパスワードが違うか')).toBeVisible();
  await expectAccessible(page, 'login with an error');

  await page.locator('#login-password').fill(state.admin.password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();

  // Forced password change.
  await expect(page).toHaveURL(/\/account\/password/);
  await expectAccessible(page, 'forced password change');
  await page.locator('#pw-current').fill(state.admin.password);
  await page.locator('#pw-new').fill(NEW_ADMIN_PASSWORD);
  await page.locator('#pw-confirm').fill(NEW_ADMIN_PASSWORD);
  await page.locator('form button[type=submit]').click();

  // TOTP is required for administrators: enrol with the key shown for manual entry.
  await expect(page).toHaveURL(/\/account\/totp/);
  await page.getByRole('button', { name: '設定を開始' }).click();
  const secret = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expectAccessible(page, 'TOTP enrolment');
  await snapshot(page, 'totp-enrolment-ja');
  await page.locator('#totp-code').fill(totpNow(secret));
  await page.getByRole('button', { name: '確認して有効にする' }).click();
  await expect(page.getByRole('button', { name: '確認して有効にする' })).toBeHidden();

  // Remember the administrator's new credentials for later files.
  writeFileSync(
    stateFile(),
    JSON.stringify({ ...state, admin: { ...state.admin, password: NEW_ADMIN_PASSWORD, totpSecret: secret } }),
  );
});

// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  currentTotp,
  renderApp,
  setupMockApi,
  TEST_PASSWORD,
  TEST_TOTP_SECRET,
  TEST_USERS,
} from '../../../../../tests/client/harness';

const api = setupMockApi({ scenario: false, as: null });

const TEMPORARY = 'temporary-kasumigaseki-77';
const CHOSEN = 'a long passphrase of my own 2016';

/** An account as an administrator creates it: a temporary password that must be changed. */
async function createAccount(email: string, name: string, role: 'viewer' | 'nisc_admin') {
  const admin = await api().clientAs('admin');
  const res = await admin.post('/api/users', { email, name, role, password: TEMPORARY });
  expect(res.status).toBe(201);
}

async function signIn(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.type(await screen.findByLabelText(/^メールアドレス/), email);
  await user.type(screen.getByLabelText(/^パスワード/), password);
  await user.click(screen.getByRole('button', { name: 'サインイン' }));
}

describe('first sign-in with a temporary password', () => {
  it('holds the user on the password page until they choose their own, then lets them in', async () => {
    await createAccount('shinjin@soumu.example.go.jp', '総務 四郎', 'viewer');
    const { user, history } = renderApp('/measures');
    await signIn(user, 'shinjin@soumu.example.go.jp', TEMPORARY);
    expect(await screen.findByRole('heading', { level: 1, name: 'パスワードの変更' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/account/password');
    expect(screen.getByRole('note')).toHaveTextContent('一時パスワードでサインインしました');
    expect(screen.queryByRole('link', { name: '施策一覧' })).not.toBeInTheDocument();

    // Nowhere else until it is done.
    history.push('/measures');
    await waitFor(() => expect(history.location.pathname).toBe('/account/password'));

    // The domain's rules apply before the round trip, and the error is tied to its field.
    await user.type(screen.getByLabelText(/^現在のパスワード/), TEMPORARY);
    const next = screen.getByLabelText(/^新しいパスワード必須/);
    await user.type(next, 'password1234');
    await user.type(screen.getByLabelText(/^新しいパスワード（確認）/), 'password1234');
    await user.click(screen.getByRole('button', { name: 'パスワードを変更' }));
    expect(next).toHaveAttribute('aria-invalid', 'true');
    expect(next).toHaveAccessibleDescription(/よく使われるパスワードは使えません/);

    await user.clear(next);
    await user.type(next, CHOSEN);
    const confirm = screen.getByLabelText(/^新しいパスワード（確認）/);
    await user.clear(confirm);
    await user.type(confirm, CHOSEN);
    await user.click(screen.getByRole('button', { name: 'パスワードを変更' }));
    expect(await screen.findByRole('heading', { level: 1, name: '施策一覧' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/measures');

    // The server holds the new password: the temporary one no longer works.
    const bad = await api().app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'shinjin@soumu.example.go.jp', password: TEMPORARY }),
    });
    expect(bad.status).toBe(401);
  });

  it('makes a new administrator set up TOTP with the QR code before anything else', async () => {
    await createAccount('kanri2@nisc.example.go.jp', '管理 五郎', 'nisc_admin');
    const { user, history } = renderApp('/');
    await signIn(user, 'kanri2@nisc.example.go.jp', TEMPORARY);
    await screen.findByRole('heading', { level: 1, name: 'パスワードの変更' });
    await user.type(screen.getByLabelText(/^現在のパスワード/), TEMPORARY);
    await user.type(screen.getByLabelText(/^新しいパスワード必須/), CHOSEN);
    await user.type(screen.getByLabelText(/^新しいパスワード（確認）/), CHOSEN);
    await user.click(screen.getByRole('button', { name: 'パスワードを変更' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: '二要素認証（確認コード）の設定' }),
    ).toBeInTheDocument();
    expect(history.location.pathname).toBe('/account/totp');
    expect(screen.getByRole('note')).toHaveTextContent('二要素認証が必須です');
    await user.click(screen.getByRole('button', { name: '設定を開始' }));

    // The QR code is our server's SVG, shown as an image (no markup injected into the page).
    const qr = await screen.findByRole('img', { name: '認証アプリで読み取るQRコード' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(document.querySelector('main svg path[d]')).toBeNull();
    const secret = screen.getByLabelText('手入力用のキー').textContent.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    await user.type(screen.getByLabelText(/^確認コード（6桁）/), currentTotp(secret));
    await user.click(screen.getByRole('button', { name: '確認して有効にする' }));
    expect(await screen.findByRole('heading', { level: 1, name: '実施状況の概要' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/');
    const stored = await api().store.getUserByEmail('kanri2@nisc.example.go.jp');
    expect(stored).toMatchObject({ totpEnabled: true, totpSecret: secret, mustChangePassword: false });
  });
});

describe('setting TOTP up again', () => {
  it('asks an enrolled administrator for the password and a current code before issuing a new secret', async () => {
    await api().signInAs('admin');
    const { user } = renderApp('/account/totp');
    expect(await screen.findByText(/現在のパスワードと、いま使っている認証アプリの確認コード/)).toBeInTheDocument();
    const start = screen.getByRole('button', { name: '再設定する' });
    expect(start).toBeDisabled();
    await user.type(screen.getByLabelText(/^現在のパスワード/), 'not the password at all');
    await user.type(screen.getByLabelText(/^現在の確認コード/), '000000');
    await user.click(start);
    const password = screen.getByLabelText(/^現在のパスワード/);
    await waitFor(() => expect(password).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('現在のパスワードが違います')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: '認証アプリで読み取るQRコード' })).not.toBeInTheDocument();

    await user.clear(password);
    await user.type(password, TEST_PASSWORD);
    const code = screen.getByLabelText(/^現在の確認コード/);
    await user.clear(code);
    // The code the browser's sign-in used is spent; the app would show the next one by now.
    await user.type(code, currentTotp(TEST_TOTP_SECRET, 30));
    await user.click(screen.getByRole('button', { name: '再設定する' }));
    expect(await screen.findByRole('img', { name: '認証アプリで読み取るQRコード' })).toBeInTheDocument();
    // Until the new secret is confirmed, the old one stays in force.
    const stored = await api().store.getUserByEmail(TEST_USERS.admin.email);
    expect(stored).toMatchObject({ totpEnabled: true, totpSecret: TEST_TOTP_SECRET });
    expect(stored?.totpPendingSecret).toMatch(/^[A-Z2-7]{32}$/);
  });
});

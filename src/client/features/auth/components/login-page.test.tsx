// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { currentTotp, renderApp, setupMockApi, TEST_PASSWORD, TEST_USERS } from '../../../../../tests/client/harness';
import type { ErrorBody } from '@/domain/contract';

// Nobody is signed in: the app starts at its sign-in page, as a new browser would.
const api = setupMockApi({ scenario: true, as: null });

async function signInWith(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.type(await screen.findByLabelText(/^メールアドレス/), email);
  await user.type(screen.getByLabelText(/^パスワード/), password);
  await user.click(screen.getByRole('button', { name: 'サインイン' }));
}

describe('route guard', () => {
  it('sends a signed-out visitor to /login and back where they were going after signing in', async () => {
    const { user, history } = renderApp('/measures?status=in_progress');
    expect(await screen.findByRole('heading', { level: 1, name: 'サインイン' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/login');
    expect(new URLSearchParams(history.location.search).get('redirect')).toBe('/measures?status=in_progress');
    // Signed out, the header offers no way into the pages.
    expect(screen.queryByRole('link', { name: '施策一覧' })).not.toBeInTheDocument();

    await signInWith(user, TEST_USERS.staff.email, TEST_PASSWORD);
    expect(await screen.findByRole('heading', { level: 1, name: '施策一覧' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/measures');
    expect(history.location.search).toBe('?status=in_progress');
    const menu = screen.getByRole('button', { name: /内閣 花子/ });
    expect(menu).toHaveTextContent('NISC職員');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('goes to /login when the session ends while the app is open', async () => {
    await api().signInAs('staff');
    const { user, history } = renderApp('/measures');
    await screen.findByRole('heading', { level: 1, name: '施策一覧' });
    // The server forgets the session (timeout, sign-out in another tab): the next request is a 401.
    api().jar.cookie = null;
    await user.click(screen.getByRole('link', { name: 'タイムライン' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'サインイン' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/login');
    expect(new URLSearchParams(history.location.search).get('redirect')).toMatch(/^\/timeline/);
  });

  it('signs out on the server from the user menu', async () => {
    await api().signInAs('viewer');
    const { user, history } = renderApp('/measures');
    await screen.findByRole('heading', { level: 1, name: '施策一覧' });
    await user.click(screen.getByRole('button', { name: /閲覧 三郎/ }));
    await user.click(screen.getByRole('button', { name: 'サインアウト' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'サインイン' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/login');
    // The cookie the server cleared is gone, and the server refuses the old session.
    expect(api().jar.cookie).toBeNull();
    expect((await api().app.request('/api/session')).status).toBe(401);
  });
});

describe('sign-in', () => {
  it('says the email or password is wrong, and signs nobody in', async () => {
    const { user, history } = renderApp('/login');
    await signInWith(user, TEST_USERS.staff.email, 'not-the-password-2015');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('メールアドレスまたはパスワードが違うか');
    expect(history.location.pathname).toBe('/login');
    expect(api().jar.cookie).toBeNull();
    expect(screen.getByRole('button', { name: 'サインイン' })).toBeEnabled();
  });

  it('says so in English', async () => {
    const { user } = renderApp('/login', { lang: 'en' });
    await user.type(await screen.findByLabelText(/^Email address/), TEST_USERS.viewer.email);
    await user.type(screen.getByLabelText(/^Password/), 'wrong-password-for-you');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The email address or password is wrong, or sign-in is paused',
    );
  });

  it('asks an administrator for the 6-digit code, then signs them in', async () => {
    const { user, history } = renderApp('/login');
    await signInWith(user, TEST_USERS.admin.email, TEST_PASSWORD);
    const code = await screen.findByLabelText(/^確認コード（6桁）/);
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(api().jar.cookie).toBeNull();

    // A wrong code is refused at the field.
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'サインイン' }));
    await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
    expect(code).toHaveAccessibleDescription(/確認コードが違います/);

    await user.clear(code);
    await user.type(code, currentTotp());
    await user.click(screen.getByRole('button', { name: 'サインイン' }));
    expect(await screen.findByRole('heading', { level: 1, name: '実施状況の概要' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/');
    expect(screen.getByRole('link', { name: '管理' })).toBeInTheDocument();
  });

  it('lands a liaison on their own ministry’s page', async () => {
    const { user, history } = renderApp('/login');
    await signInWith(user, TEST_USERS.liaison.email, TEST_PASSWORD);
    await waitFor(() => expect(history.location.pathname).toBe('/ministries/npa'));
    const menu = await screen.findByRole('button', { name: /警察 次郎/ });
    await user.click(menu);
    const panel = document.getElementById(menu.getAttribute('aria-controls') ?? '')!;
    expect(within(panel).getByText('府省庁担当者')).toBeInTheDocument();
    expect(within(panel).getByText('警察庁')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows how long to wait after too many failures (429 with Retry-After)', async () => {
    const body: ErrorBody = {
      error: { code: 'too_many_attempts', message: 'しばらく待ってください / Wait a minute' },
    };
    api().server.use(
      http.post('*/api/session', () => HttpResponse.json(body, { status: 429, headers: { 'Retry-After': '42' } }), {
        once: true,
      }),
    );
    const { user } = renderApp('/login');
    await signInWith(user, TEST_USERS.staff.email, TEST_PASSWORD);
    expect(await screen.findByRole('alert')).toHaveTextContent(/4[12]秒後に再試行できます/);
    expect(screen.getByRole('button', { name: 'サインイン' })).toBeDisabled();
  });
});

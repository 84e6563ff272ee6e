// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';

// Nobody is signed in; the server has an organisation provider configured (answered by hand: the mock has none).
const api = setupMockApi({ scenario: false, as: null });
const withProvider = (localPasswords: boolean) =>
  api().server.use(http.get('*/api/session/methods', () => HttpResponse.json({ oidc: true, localPasswords })));

describe('sign-in with the organisation account (issue 14)', () => {
  it('offers 「組織アカウントでサインイン」 as a link to the provider that keeps where the user was going', async () => {
    withProvider(true);
    renderApp('/measures');
    const link = await screen.findByRole('link', { name: '組織アカウントでサインイン' });
    expect(link).toHaveAttribute('href', `/api/session/oidc/start?redirect=${encodeURIComponent('/measures')}`);
    expect(screen.getByRole('heading', { level: 2, name: 'またはパスワードでサインイン' })).toBeInTheDocument();
  });

  it('says password sign-in is for the named administrators when local passwords are off (English)', async () => {
    withProvider(false);
    renderApp('/login', { lang: 'en' });
    expect(await screen.findByRole('link', { name: 'Sign in with your organisation account' })).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: /only for the designated \(break-glass\) administrators/ }),
    ).toBeInTheDocument();
  });

  it('explains a refusal the provider round ended in', async () => {
    withProvider(true);
    renderApp('/login?oidcError=unknown_email');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'この組織アカウントはトラッカーの利用者として登録されていません',
    );
  });

  it('shows no provider button where none is configured', async () => {
    renderApp('/login');
    await screen.findByRole('heading', { level: 1, name: 'サインイン' });
    await screen.findByLabelText(/^メールアドレス/);
    expect(screen.queryByRole('link', { name: '組織アカウントでサインイン' })).not.toBeInTheDocument();
  });

  it('asks for the tracker’s code after a provider sign-in without MFA; an expired wait offers a new start', async () => {
    withProvider(true);
    const { user } = renderApp('/login?oidc=totp');
    expect(await screen.findByRole('heading', { level: 1, name: '確認コードの入力' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '組織アカウントでサインイン' })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(/^確認コード（6桁）/, { selector: 'input' }), '123456');
    await user.click(screen.getByRole('button', { name: '確認してサインイン' }));
    // The mock's browser carries no waiting sign-in: the server says it expired.
    expect(await screen.findByRole('alert')).toHaveTextContent('サインインの有効期限が切れました');
    expect(screen.getByRole('link', { name: '最初からやり直す' })).toHaveAttribute('href', '/api/session/oidc/start');
  });
});

// @vitest-environment jsdom
import '../../../../../tests/client/setup-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDemoAccounts, type DemoAccount } from '@/client/lib/demo';
import { I18nProvider } from '@/client/lib/i18n';
import { DemoAccounts } from './demo-accounts';

const LIAISON: DemoAccount = { email: 'liaison@npa.example.go.jp', password: 'pw', name: '警察 次郎', role: 'liaison' };
const VIEWER: DemoAccount = { email: 'viewer@cas.example.go.jp', password: 'pw', name: '閲覧 三郎', role: 'viewer' };

afterEach(() => setDemoAccounts([]));

describe('the demo’s one-click accounts', () => {
  it('offers one button per account, named by role, and signs in with the one chosen', async () => {
    setDemoAccounts([LIAISON, VIEWER]);
    const onPick = vi.fn();
    render(
      <I18nProvider lang="ja">
        <DemoAccounts onPick={onPick} disabled={false} />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading', { name: 'デモ版：アカウントを選ぶ' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '閲覧者としてサインイン' }));
    expect(onPick).toHaveBeenCalledWith(VIEWER);
  });

  it('shows nothing where no demo accounts were given (every build but the demo)', () => {
    const { container } = render(
      <I18nProvider lang="en">
        <DemoAccounts onPick={() => {}} disabled={false} />
      </I18nProvider>,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

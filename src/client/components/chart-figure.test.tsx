// @vitest-environment jsdom
import '../../../tests/client/setup-dom';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../lib/i18n';
import { ChartFigure } from './chart-figure';

const table = (
  <table>
    <tbody>
      <tr>
        <th scope="row">2016-03-31</th>
        <td>42</td>
      </tr>
    </tbody>
  </table>
);

function Boom(): never {
  throw new Error('chart exploded');
}

function figure(children: React.ReactNode) {
  return render(
    <I18nProvider lang="ja">
      <ChartFigure id="t" title="テスト図" caption="説明" table={table} height={100}>
        {children}
      </ChartFigure>
      <p>ページの他の部分</p>
    </I18nProvider>,
  );
}

describe('ChartFigure', () => {
  it('is a figure named by its caption heading, with a keyboard-reachable table toggle', async () => {
    const user = userEvent.setup();
    figure(<svg data-testid="chart" />);
    const fig = screen.getByRole('figure', { name: 'テスト図' });
    // The chart comes after the page's first paint (after-first-paint.ts).
    expect(await within(fig).findByTestId('chart')).toBeInTheDocument();
    expect(within(fig).queryByRole('table')).not.toBeInTheDocument();

    await user.tab();
    const toggle = within(fig).getByRole('button', { name: '表で表示' });
    expect(toggle).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(within(fig).getByRole('cell', { name: '42' })).toBeInTheDocument();
    expect(within(fig).queryByTestId('chart')).not.toBeInTheDocument();
  });

  it('shows a loading placeholder while a lazy chart loads', async () => {
    const Never = lazy(() => new Promise<{ default: () => null }>(() => {}));
    figure(<Never />);
    expect(await screen.findByText('読み込み中…')).toHaveAttribute('aria-busy', 'true');
  });

  it('contains a failing chart: the rest of the page and the table still work', async () => {
    // React reports an error its boundary caught; this test expects exactly that report.
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    figure(<Boom />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('この図を表示できませんでした。');
    expect(screen.getByText('ページの他の部分')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '表で表示' }));
    expect(screen.getByRole('cell', { name: '42' })).toBeInTheDocument();
    expect(reported).toHaveBeenCalled();
  });

  it('tries the chart again on Retry', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    let fail = true;
    function Flaky() {
      const [n] = useState(0);
      if (fail) throw new Error('once');
      return <svg data-testid="chart" data-n={n} />;
    }
    figure(<Flaky />);
    const alert = await screen.findByRole('alert');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: '再試行' }));
    expect(screen.getByTestId('chart')).toBeInTheDocument();
  });
});

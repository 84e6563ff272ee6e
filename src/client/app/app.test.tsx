// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TODAY } from '../../../tests/client/harness';
import { listMeasures, overviewRequests } from '@/domain/contract';
import { PAGE_SIZE } from '../features/measures/search';

const api = setupMockApi({ scenario: true });

const inProgress = () =>
  listMeasures(api().index, { status: 'in_progress' }, { limit: PAGE_SIZE, offset: 0 }, TODAY).total;

describe('language', () => {
  it('renders English labels and sets <html lang> when asked for English', async () => {
    renderApp('/measures?status=in_progress', { lang: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Measures' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(new RegExp(`^${inProgress()} measures`)));
    expect(status).toHaveTextContent(`As of: ${TODAY}`);
    expect(screen.getByRole('link', { name: 'Measures' })).toBeInTheDocument();
    expect(screen.getByLabelText('Policy area')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Measures' });
    expect(within(table).getAllByText('In progress').length).toBeGreaterThan(0);
    expect(within(table).queryByText('実施中')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('switches every label with the language toggle and remembers the choice', async () => {
    const { user } = renderApp('/measures?status=in_progress');
    expect(await screen.findByRole('heading', { level: 1, name: '施策一覧' })).toBeInTheDocument();
    await screen.findByRole('table', { name: '施策一覧' });
    expect(document.documentElement).toHaveAttribute('lang', 'ja');
    expect(screen.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getAllByText('実施中').length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Measures' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(screen.getByRole('table', { name: 'Measures' })).getAllByText('In progress').length).toBeGreaterThan(
      0,
    );
    expect(screen.getByRole('status')).toHaveTextContent(`${inProgress()} measures`);
    expect(localStorage.getItem('tracker.lang')).toBe('en');

    await user.click(screen.getByRole('button', { name: '日本語' }));
    expect(screen.getByRole('heading', { level: 1, name: '施策一覧' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('lang', 'ja');
    expect(screen.queryByText('In progress')).not.toBeInTheDocument();
  });

  it('shows the measure page in English, keeping the Japanese title and quote', async () => {
    renderApp(`/measures/${encodeURIComponent('5.2.3(1)ii-1')}?asOf=${TODAY}`, { lang: 'en' });
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Strengthen GSOC detection and analysis across government',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('GSOCによる政府機関全体における検知・解析機能の強化')).toHaveAttribute('lang', 'ja');
    expect(screen.getByRole('region', { name: 'Source text' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Responsible ministries' })).toHaveTextContent('Implied by the text');
    expect(screen.getByText('No deadline in the text (runs to the end of the plan period)')).toBeInTheDocument();
  });
});

describe('routes', () => {
  it('opens the overview at /', async () => {
    const { history } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: '実施状況の概要' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/');
    expect(screen.getByRole('link', { name: '概要' })).toHaveAttribute('aria-current', 'page');
  });

  it("asks for the overview's figures while the session is still being checked, not after", async () => {
    // The session's answer is held until the dashboard is asked for (or two seconds pass): an app
    // that waits for the session before asking would only ask once the two seconds are over.
    let dashboardAsked: () => void = () => {};
    const asked = new Promise<void>((resolve) => (dashboardAsked = resolve));
    let askedFirst = false;
    api().server.use(
      http.get('*/api/dashboard', ({ request }) => {
        dashboardAsked();
        return api().forward(request);
      }),
      http.get('*/api/session', async ({ request }) => {
        askedFirst = await Promise.race([
          asked.then(() => true),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000)),
        ]);
        return api().forward(request);
      }),
    );
    renderApp(`/?asOf=${TODAY}`);
    expect(await screen.findByRole('heading', { level: 1, name: '実施状況の概要' })).toBeInTheDocument();
    expect(askedFirst).toBe(true);
  });

  it.each([`?asOf=${TODAY}`, ''])(
    'asks for exactly the URLs the server preloads for the overview (%s)',
    async (search) => {
      // The server lists overviewRequests() in the page's index.html; the browser hands a preloaded
      // answer to the page only for the same URL, so the page must ask for these very URLs.
      const asked: string[] = [];
      const record = ({ request }: { request: Request }) => {
        const url = new URL(request.url);
        if (request.method === 'GET') asked.push(url.pathname + url.search);
      };
      api().server.events.on('request:start', record);
      try {
        renderApp(`/${search}`);
        expect(await screen.findByRole('heading', { level: 1, name: '実施状況の概要' })).toBeInTheDocument();
        const expected = overviewRequests(new URLSearchParams(search).get('asOf')).map((r) => r.url);
        await waitFor(() => expect(asked).toEqual(expect.arrayContaining(expected)));
      } finally {
        api().server.events.removeListener('request:start', record);
      }
    },
  );

  it('keeps the reporting date in every navigation link', async () => {
    renderApp('/timeline?asOf=2017-03-31&groupBy=ministry');
    expect(await screen.findByRole('heading', { level: 1, name: 'タイムライン' })).toBeInTheDocument();
    const nav = within(screen.getByRole('navigation', { name: '戦略トラッカー' }));
    expect(nav.getByRole('link', { name: '概要' })).toHaveAttribute('href', '/?asOf=2017-03-31');
    expect(nav.getByRole('link', { name: '施策一覧' })).toHaveAttribute('href', '/measures?asOf=2017-03-31');
    expect(nav.getByRole('link', { name: '府省庁' })).toHaveAttribute('href', '/ministries?asOf=2017-03-31');
    // The timeline's own view (grouping) is not carried to other pages, only the date.
    expect(nav.getByRole('link', { name: 'タイムライン' })).toHaveAttribute('href', '/timeline?asOf=2017-03-31');
  });

  it('shows a not-found page for an unknown path', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '施策一覧へ戻る' })).toHaveAttribute('href', '/measures');
  });
});

// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TODAY } from '../../../../../tests/client/harness';
import type { ErrorBody, MeasureFilters } from '@/domain/contract';
import { listMeasures } from '@/domain/contract';
import { PAGE_SIZE } from '../search';

const api = setupMockApi({ scenario: true });

/** The domain's answer for the same filters, page and date: the numbers the page must show. */
function expected(filters: MeasureFilters, { page = 1, asOf = TODAY }: { page?: number; asOf?: string } = {}) {
  return listMeasures(api().index, filters, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, asOf);
}

async function expectCount(total: number) {
  const status = await screen.findByRole('status');
  await waitFor(() => expect(status).toHaveTextContent(new RegExp(`^${total} 件`)));
}

function dataRows() {
  return within(screen.getByRole('table', { name: '施策一覧' }))
    .getAllByRole('row')
    .slice(1);
}

/** Options come from /api/strategy and /api/ministries; a select shows its value only once they exist. */
async function optionsLoaded() {
  await screen.findByRole('option', { name: /^5\.2 / });
}

describe('measures list: data', () => {
  it('shows the total the domain computes and one row per measure on the page', async () => {
    renderApp('/measures');
    const want = expected({});
    expect(want.total).toBeGreaterThan(PAGE_SIZE);
    await expectCount(want.total);
    expect(screen.getByRole('status')).toHaveTextContent(`基準日: ${TODAY}`);
    expect(dataRows()).toHaveLength(PAGE_SIZE);
    expect(dataRows()[0]).toHaveTextContent(want.items[0]!.code);
  });

  it('links each row to its measure page', async () => {
    const { user, history } = renderApp('/measures?asOf=2016-03-31');
    const first = expected({}).items[0]!;
    const link = await screen.findByRole('link', { name: first.title.ja });
    expect(link.getAttribute('href')).toBe(`/measures/${encodeURIComponent(first.id)}?asOf=2016-03-31`);

    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: first.title.ja })).toBeInTheDocument();
    expect(decodeURIComponent(history.location.pathname)).toBe(`/measures/${first.id}`);
  });
});

describe('measures list: filters in the URL', () => {
  it('reads the filters from the URL and shows them in the controls', async () => {
    renderApp('/measures?area=5.2&status=in_progress&asOf=2016-03-31');
    const want = expected({ area: '5.2', status: 'in_progress' }, { asOf: '2016-03-31' });
    expect(want.total).toBeGreaterThan(0);
    expect(want.total).toBeLessThan(expected({}).total);
    await expectCount(want.total);
    await optionsLoaded();
    expect(screen.getByLabelText('政策領域')).toHaveValue('5.2');
    expect(screen.getByLabelText('状況')).toHaveValue('in_progress');
    expect(screen.getByLabelText('状況')).toHaveDisplayValue('実施中');
    expect(screen.getByLabelText('基準日')).toHaveValue('2016-03-31');
    for (const row of dataRows()) expect(within(row).getByText('実施中')).toBeInTheDocument();
  });

  it('keeps number-like codes and keywords as text', async () => {
    // "6" and "2019" look like numbers; read as numbers they failed the schema and were dropped.
    renderApp('/measures?area=6&q=2019');
    const want = expected({ area: '6', q: '2019' });
    expect(want.total).toBeGreaterThan(0);
    expect(want.total).toBeLessThan(expected({ area: '6' }).total);
    await expectCount(want.total);
    await optionsLoaded();
    expect(screen.getByLabelText('政策領域')).toHaveValue('6');
    expect(screen.getByLabelText('キーワード')).toHaveValue('2019');
  });

  it('writes a changed select to the URL and refetches the list', async () => {
    const { user, search } = renderApp('/measures');
    await expectCount(expected({}).total);
    await optionsLoaded();

    await user.selectOptions(screen.getByLabelText('政策領域'), '5.1');
    await waitFor(() => expect(search()).toEqual({ area: '5.1' }));
    await expectCount(expected({ area: '5.1' }).total);

    await user.selectOptions(screen.getByLabelText('状況'), 'not_started');
    await waitFor(() => expect(search()).toEqual({ area: '5.1', status: 'not_started' }));
    await expectCount(expected({ area: '5.1', status: 'not_started' }).total);
  });

  it('applies the keyword on Enter', async () => {
    const { user, search } = renderApp('/measures');
    await expectCount(expected({}).total);
    const want = expected({ q: 'GSOC' });
    expect(want.total).toBeGreaterThan(0);

    await user.type(screen.getByLabelText('キーワード'), 'GSOC{Enter}');
    await waitFor(() => expect(search()).toEqual({ q: 'GSOC' }));
    await expectCount(want.total);
    expect(dataRows()).toHaveLength(want.items.length);
    expect(screen.getByRole('link', { name: want.items[0]!.title.ja })).toBeInTheDocument();
  });

  it('clears every filter', async () => {
    const { user, search } = renderApp('/measures?area=5.2&status=in_progress&q=GSOC');
    await expectCount(expected({ area: '5.2', status: 'in_progress', q: 'GSOC' }).total);
    await optionsLoaded();

    await user.click(screen.getByRole('button', { name: '条件をクリア' }));
    await waitFor(() => expect(search()).toEqual({}));
    await expectCount(expected({}).total);
    expect(screen.getByLabelText('政策領域')).toHaveValue('');
    expect(screen.getByLabelText('状況')).toHaveValue('');
    expect(screen.getByLabelText('キーワード')).toHaveValue('');
  });

  it('says so when nothing matches', async () => {
    renderApp('/measures?q=zzz-no-such-measure');
    expect(await screen.findByText('「zzz-no-such-measure」に一致する施策はありません。')).toBeInTheDocument();
    expect(screen.getByText(/ヒント: 語を減らす/)).toBeInTheDocument();
    await expectCount(0);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says so when the other filters hide every match', async () => {
    renderApp('/measures?status=suspended');
    await expectCount(expected({ status: 'suspended' }).total);
    expect(screen.getByText('条件に合う施策はありません。')).toBeInTheDocument();
  });
});

describe('measures list: keyword search (decision record 016)', () => {
  it('searches with the button, ranks, and marks the words found', async () => {
    const { user, search } = renderApp('/measures');
    await expectCount(expected({}).total);
    await user.type(screen.getByLabelText('キーワード'), '接続口　集約');
    await user.click(screen.getByRole('button', { name: '検索' }));
    await waitFor(() => expect(search()).toEqual({ q: '接続口　集約' }));
    await expectCount(1);
    expect(screen.getByText(/^「接続口.集約」の検索結果（関連の高い順）$/)).toBeInTheDocument();
    const marks = [...dataRows()[0]!.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['接続口', '集約']);
  });

  it('says the order is by relevance, with no column marked, until the reader picks one', async () => {
    const { user, search } = renderApp('/measures?q=GSOC');
    await screen.findByText('「GSOC」の検索結果（関連の高い順）');
    const table = screen.getByRole('table', { name: '施策一覧' });
    const headers = within(table).getAllByRole('columnheader');
    const sorted = headers.filter((h) => h.hasAttribute('aria-sort'));
    expect(sorted.length).toBeGreaterThan(0);
    for (const h of sorted) expect(h).toHaveAttribute('aria-sort', 'none');
    expect(table.textContent).not.toMatch(/[▲▼]/);

    // Picking the code column names the code order (no sort at all would be relevance again).
    await user.click(within(table).getByRole('link', { name: 'コード: 昇順に並べ替え' }));
    await waitFor(() => expect(search()).toEqual({ q: 'GSOC', sort: 'plan' }));
    expect(await screen.findByRole('columnheader', { name: /コード/ })).toHaveAttribute('aria-sort', 'ascending');
    const codes = dataRows().map((r) => r.querySelector('td.code')?.textContent ?? '');
    const want = listMeasures(api().index, { q: undefined }, { limit: 1000, offset: 0 }, TODAY, {
      sort: 'plan',
      order: 'asc',
    }).items.map((m) => m.code);
    expect(codes).toEqual(want.filter((c) => codes.includes(c)));
    await user.click(screen.getByRole('link', { name: '関連順に戻す' }));
    await waitFor(() => expect(search()).toEqual({ q: 'GSOC' }));
  });

  it('finds katakana readings and highlights the acronym they stand for', async () => {
    renderApp('/measures?q=ｼｰｻｰﾄ');
    await waitFor(() => expect(dataRows().length).toBeGreaterThan(0));
    expect(dataRows()[0]!.querySelector('mark')?.textContent).toBe('CSIRT');
  });

  it('offers a query that finds something when a word matches nothing', async () => {
    const { user, search } = renderApp('/measures?q=' + encodeURIComponent('接続口 ほげほげ'));
    expect(await screen.findByText('見つからなかった語: 「ほげほげ」')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: '「接続口」なら 1件 見つかります。' }));
    await waitFor(() => expect(search()).toEqual({ q: '接続口' }));
    await expectCount(1);
  });
});

describe('measures list: loading and errors', () => {
  it('shows a busy skeleton until the list arrives', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    api().server.use(
      http.get('*/api/measures', async ({ request }) => {
        await gate;
        return api().forward(request);
      }),
    );
    renderApp('/measures');
    const skeleton = (await screen.findByText('読み込み中…')).closest('[aria-busy]');
    expect(skeleton).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    release();
    await expectCount(expected({}).total);
    expect(screen.queryByText('読み込み中…')).not.toBeInTheDocument();
  });

  it('shows the error inline and refetches on Retry', async () => {
    let failures = 0;
    const body: ErrorBody = {
      error: { code: 'internal', message: 'サーバーで問題が発生しました / Something went wrong' },
    };
    api().server.use(
      http.get(
        '*/api/measures',
        () => {
          failures++;
          return HttpResponse.json(body, { status: 500 });
        },
        // Only the first request fails; the retry reaches the real app.
        { once: true },
      ),
    );
    const { user } = renderApp('/measures');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('読み込めませんでした');
    // The reader's half of the server's bilingual message.
    expect(alert).toHaveTextContent('サーバーで問題が発生しました');
    expect(alert).not.toHaveTextContent('Something went wrong');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: '再試行' }));
    await expectCount(expected({}).total);
    expect(failures).toBe(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('measures list: pagination', () => {
  it('pages forward and back through the URL', async () => {
    const { user, search } = renderApp('/measures');
    const total = expected({}).total;
    const pages = Math.ceil(total / PAGE_SIZE);
    await expectCount(total);
    const nav = screen.getByRole('navigation', { name: 'ページ' });
    expect(nav).toHaveTextContent(`ページ 1 / ${pages}`);
    expect(within(nav).getByRole('button', { name: '前へ' })).toBeDisabled();

    await user.click(within(nav).getByRole('button', { name: '次へ' }));
    await waitFor(() => expect(search()).toEqual({ page: '2' }));
    const second = expected({}, { page: 2 }).items;
    await waitFor(() => expect(dataRows()[0]).toHaveTextContent(second[0]!.code));
    expect(nav).toHaveTextContent(`ページ 2 / ${pages}`);
    expect(within(nav).getByRole('button', { name: '前へ' })).toBeEnabled();

    await user.click(within(nav).getByRole('button', { name: '前へ' }));
    await waitFor(() => expect(search()).toEqual({}));
    await waitFor(() => expect(dataRows()[0]).toHaveTextContent(expected({}).items[0]!.code));
    expect(nav).toHaveTextContent(`ページ 1 / ${pages}`);
  });

  it('starts on the page the URL names and disables Next on the last page', async () => {
    const total = expected({}).total;
    const pages = Math.ceil(total / PAGE_SIZE);
    renderApp(`/measures?page=${pages}`);
    const last = expected({}, { page: pages }).items;
    await expectCount(total);
    await waitFor(() => expect(dataRows()).toHaveLength(last.length));
    expect(dataRows()[0]).toHaveTextContent(last[0]!.code);
    expect(screen.getByRole('button', { name: '次へ' })).toBeDisabled();
  });
});

describe('measures list: a section’s own text (issue 19)', () => {
  it('shows 5.1.1’s target and lead-in above its measures, and marks the inherited target in the rows', async () => {
    renderApp(`/measures?section=5.1.1&asOf=${TODAY}`);
    const card = within(await screen.findByRole('region', { name: '本文の方針（リード文）' }));
    expect(card.getByText(/節の目標（5\.1\.1）/)).toBeInTheDocument();
    expect(card.getByText('5.1.1-L1')).toBeInTheDocument();
    expect(card.getByText(/以下の取組を実施する。$/)).toBeInTheDocument();
    await expectCount(expected({ section: '5.1.1' }).total);
    expect(within(dataRows()[0]!).getByText(/節の目標/)).toBeInTheDocument();
  });

  it('shows no lead-in card on the unfiltered list', async () => {
    renderApp('/measures');
    await expectCount(expected({}).total);
    expect(screen.queryByRole('region', { name: '本文の方針（リード文）' })).not.toBeInTheDocument();
  });
});

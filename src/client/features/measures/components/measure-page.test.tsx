// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TEST_USERS, TODAY } from '../../../../../tests/client/harness';
import type { ErrorBody } from '@/domain/contract';
import { listMeasures, measureDetail } from '@/domain/contract';
import { PAGE_SIZE } from '../search';
import { serverText } from '@/client/lib/server-text';

const api = setupMockApi({ scenario: true });

/** 5.2.3(1)ii: GSOC; no deadline in the text, NISC implied as lead, sample updates from FY2015. */
const GSOC = '5.2.3(1)ii-1';
/** 5.2.2(3): My Number; "本年度中を目途", the commission named in the text, MIC only proposed. */
const MY_NUMBER = '5.2.2(3)-4';

function detail(id: string, asOf = TODAY) {
  const d = measureDetail(api().index, id, asOf);
  if (!d) throw new Error(`no measure ${id} in the seeds`);
  return d;
}

const measureUrl = (id: string, asOf = TODAY) => `/measures/${encodeURIComponent(id)}?asOf=${asOf}`;

async function findTitle(title: string) {
  return screen.findByRole('heading', { level: 1, name: title });
}

describe('measure page', () => {
  it('shows the breadcrumb from area through section to item, linking back to the filtered list at the same date', async () => {
    const m = detail(GSOC);
    const { user, history } = renderApp(measureUrl(GSOC));
    await findTitle(m.title.ja);
    const crumbs = within(screen.getByRole('navigation', { name: 'breadcrumb' }));
    expect(m.breadcrumb.map((b) => b.level)).toEqual(['area', 'section', 'item', 'item']);
    const [area, section, ...items] = m.breadcrumb;

    expect(crumbs.getByRole('link', { name: '施策一覧' })).toHaveAttribute('href', '/measures?asOf=2016-03-31');
    const areaLink = crumbs.getByRole('link', { name: `${area!.code} ${area!.title.ja}` });
    expect(areaLink).toHaveAttribute('href', '/measures?area=5.2&asOf=2016-03-31');
    expect(crumbs.getByRole('link', { name: `${section!.code} ${section!.title.ja}` })).toHaveAttribute(
      'href',
      '/measures?section=5.2.3&asOf=2016-03-31',
    );
    for (const item of items) {
      expect(crumbs.getByText(`${item.code} ${item.title.ja}`)).toBeInTheDocument();
      expect(crumbs.queryByRole('link', { name: `${item.code} ${item.title.ja}` })).not.toBeInTheDocument();
    }

    await user.click(areaLink);
    const total = listMeasures(api().index, { area: '5.2' }, { limit: PAGE_SIZE, offset: 0 }, TODAY).total;
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^${total} 件`)));
    expect(history.location.search).toBe('?area=5.2&asOf=2016-03-31');
  });

  it('quotes the source text and says when the text gives no deadline', async () => {
    const m = detail(GSOC);
    expect(m.due.wording).toBeNull();
    renderApp(measureUrl(GSOC));
    await findTitle(m.title.ja);
    const source = screen.getByRole('region', { name: '出典（本文）' });
    expect(within(source).getByText(m.quote)).toBeInTheDocument();
    expect(source).toHaveTextContent(m.itemCode);
    expect(screen.getByText('本文の表現', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '本文に期限の記載なし（計画期間末まで）',
    );
  });

  it("shows the deadline in the text's own words", async () => {
    const m = detail(MY_NUMBER);
    expect(m.due.wording).toBe('本年度中を目途');
    renderApp(measureUrl(MY_NUMBER));
    await findTitle(m.title.ja);
    // The wording may also appear under the strengthening package: read the deadline's own fact.
    const fact = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(fact('本文の表現')).toHaveTextContent('「本年度中を目途」');
    expect(fact('期限の種類')).toHaveTextContent('年度');
    expect(screen.queryByText('本文に期限の記載なし（計画期間末まで）')).not.toBeInTheDocument();
  });

  it('lists the responsible ministries with their role and where the assignment comes from', async () => {
    const m = detail(MY_NUMBER);
    renderApp(measureUrl(MY_NUMBER));
    await findTitle(m.title.ja);
    const table = within(screen.getByRole('region', { name: '担当府省庁' }));
    // Ministry names come from a second query: wait for them rather than the "—" placeholder.
    const ppc = (await table.findByRole('rowheader', { name: '特定個人情報保護委員会' })).closest('tr')!;
    const mic = table.getByRole('rowheader', { name: '総務省' }).closest('tr')!;
    expect(table.getAllByRole('row')).toHaveLength(1 + m.assignments.length);

    expect(ppc).toHaveTextContent('主担当');
    expect(within(ppc).getByText('本文に明記')).toBeInTheDocument();
    expect(mic).toHaveTextContent('関係');
    expect(within(mic).getByText('案（未確認）')).toHaveClass('chip--proposed');
  });

  it('shows the sample updates up to the as-of date, newest first', async () => {
    const m = detail(GSOC);
    expect(m.history.length).toBeGreaterThan(0);
    renderApp(measureUrl(GSOC));
    await findTitle(m.title.ja);
    const history = screen.getByRole('region', { name: '更新履歴' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(m.history.length);
    const latest = m.history[0]!;
    expect(entries[0]).toHaveTextContent(latest.effectiveOn);
    expect(entries[0]).toHaveTextContent(latest.narrative);
    expect(entries[0]).toHaveTextContent(`${latest.progress}%`);
    expect(screen.queryByText('この基準日までの更新はありません。')).not.toBeInTheDocument();
  });

  it('shows no history before the first update', async () => {
    const asOf = '2015-12-31';
    const m = detail(GSOC, asOf);
    expect(m.history).toEqual([]);
    renderApp(measureUrl(GSOC, asOf));
    await findTitle(m.title.ja);
    const history = screen.getByRole('region', { name: '更新履歴' });
    expect(within(history).getByText('この基準日までの更新はありません。')).toBeInTheDocument();
    expect(within(history).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('says so for an unknown measure', async () => {
    renderApp('/measures/9.9.9-99');
    expect(await screen.findByRole('heading', { level: 1, name: 'この施策は見つかりません。' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '施策一覧へ戻る' })).toHaveAttribute('href', '/measures');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a server error inline with Retry', async () => {
    const m = detail(GSOC);
    const body: ErrorBody = {
      error: { code: 'internal', message: 'サーバーで問題が発生しました / Something went wrong' },
    };
    api().server.use(http.get('*/api/measures/:id', () => HttpResponse.json(body, { status: 500 }), { once: true }));
    const { user } = renderApp(measureUrl(GSOC));
    const alert = await screen.findByRole('alert');
    // The reader's language only: the Japanese half of the server's bilingual message.
    expect(alert).toHaveTextContent(serverText(body.error.message, 'ja'));
    expect(alert).not.toHaveTextContent('Something went wrong');

    await user.click(within(alert).getByRole('button', { name: '再試行' }));
    expect(await findTitle(m.title.ja)).toBeInTheDocument();
  });

  it("shows a staff rating and a moved deadline in the timeline beside the ministries' progress", async () => {
    // A measure no other test here reads, so the change stays local to this test.
    const id = '5.4.2(1)-1';
    const m = detail(id);
    const staff = await api().clientAs('staff');
    const rag = { rating: 'amber', reason: '調達の遅れ' };
    const due = { wording: '平成29年度中', kind: 'fiscal_year', date: '2018-03-31' };
    expect(
      (await staff.patch(`/api/measures/${encodeURIComponent(id)}`, { rag, due, comment: '四半期レビュー' }, m.version))
        .status,
    ).toBe(200);
    renderApp(measureUrl(id));
    await findTitle(m.title.ja);
    const history = screen.getByRole('region', { name: '更新履歴' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(m.history.length + 1);
    const changes = entries.filter((e) => e.textContent?.includes('施策全体'));
    expect(changes).toHaveLength(1);
    const change = changes[0]!;
    expect(change).toHaveTextContent('職員による評価: なし（自動判定のみ） →');
    expect(change).toHaveTextContent('調達の遅れ');
    expect(change).toHaveTextContent('「平成29年度中」');
    expect(change).toHaveTextContent(`${TEST_USERS.staff.email}`);
    expect(change).toHaveTextContent('四半期レビュー');
  });

  it("shows the public comments on the measure's section with the government's answers, collapsed", async () => {
    const m = detail(GSOC);
    expect(m.sectionCode).toBe('5.2.3');
    const { user } = renderApp(measureUrl(GSOC));
    await findTitle(m.title.ja);
    const region = await screen.findByRole('region', { name: /この節へのパブリックコメント/ });
    expect(region).toHaveTextContent('2015年5月25日(月)～6月8日(月)');
    const items = within(region).getAllByRole('listitem');
    expect(items).toHaveLength(10);
    const first = items[0]!;
    expect(first).toHaveTextContent('No.1 (株)アズジェント');
    const answer = within(first).getByText(/^本戦略は、今後3年程度の基本的な施策の方向性を示すもの/);
    expect(answer).not.toBeVisible();
    await user.click(within(first).getByText(/No\.1/));
    expect(answer).toBeVisible();
  });
});

describe('measure page: the source’s markup', () => {
  it('shows the reading in the quote of 5.3.2(5)-1 as ruby, not as ^{…} (issue 15)', async () => {
    const code = '5.3.2(5)-1';
    expect(detail(code).quote).toContain('国際場裡^{こくさいじょうり}');
    renderApp(measureUrl(code));
    await findTitle(detail(code).title.ja);
    const quote = document.querySelector('blockquote')!;
    expect(quote.querySelector('ruby')?.firstChild?.textContent).toBe('国際場裡');
    expect(quote.querySelector('ruby rt')?.textContent).toBe('こくさいじょうり');
    expect(document.body.textContent).not.toContain('^{');
  });
});

describe('measure page: the text around the measure (issue 19)', () => {
  it('shows the lead-ins of its section and item, and the section target as not its own deadline', async () => {
    const code = '5.2.3(1)ii-1';
    renderApp(measureUrl(code));
    await findTitle(detail(code).title.ja);
    const card = within(await screen.findByRole('region', { name: '本文の方針（リード文）' }));
    expect(card.getByText('5.2.3(1)-L1')).toBeInTheDocument();
    expect(card.getByText('5.2.3(1)ii-L1')).toBeInTheDocument();
  });

  it('shows the dated step of 5.2.2(3)-6 while the measure itself runs to the plan period’s end', async () => {
    const code = '5.2.2(3)-6';
    renderApp(measureUrl(code));
    await findTitle(detail(code).title.ja);
    const steps = within(await screen.findByRole('region', { name: '期日のある段階' }));
    expect(steps.getByText(/取組方針を策定/)).toHaveTextContent('「本年中を目途」');
    expect(detail(code).due.kind).toBe('plan_period');
  });
});

describe('measure page: a section target is not the measure’s deadline (issue 19)', () => {
  it('labels 5.1.1’s 「2020 年までに」 as the section’s target on a 5.1.1 measure', async () => {
    const code = '5.1.1(1)-1';
    renderApp(measureUrl(code));
    await findTitle(detail(code).title.ja);
    expect(screen.getByText('この施策自体の期限ではなく、節全体の目標です。')).toBeInTheDocument();
    const card = within(await screen.findByRole('region', { name: '本文の方針（リード文）' }));
    expect(card.getByText(/節の目標（5\.1\.1）/)).toBeInTheDocument();
  });
});

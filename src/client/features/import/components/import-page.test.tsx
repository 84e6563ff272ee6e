// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCsv, toCsv } from '@/domain/annual';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';

const api = setupMockApi({ as: 'liaison' });

// In a browser, fetch, FormData and File belong together. Under jsdom, fetch is Node's, and Node's
// fetch sends a file only from its own FormData and Blobs (jsdom's File would go as the text
// "[object File]"); the API, running in the same realm, then reads Node's File back. So uploads here
// use Node's FormData and File throughout, as a browser uses its own.
beforeAll(async () => {
  const nodeFormData = (await new Response(new URLSearchParams()).formData()).constructor;
  vi.stubGlobal('FormData', nodeFormData);
  vi.stubGlobal('File', NodeFile);
});
afterAll(() => vi.unstubAllGlobals());
const LIMITS = { maxRows: 5000, maxColumns: 60, maxCellLength: 20000 };

type Sheet = { header: string[]; rows: string[][]; col: (ja: string) => number };

/** The liaison's own template, as the download link serves it. */
async function template(who: 'liaison' | 'staff' = 'liaison', query = 'format=csv&fy=2015'): Promise<Sheet> {
  const res = await (await api().clientAs(who)).get(`/api/export/template?${query}`);
  expect(res.status).toBe(200);
  const parsed = parseCsv(await res.text(), LIMITS);
  if (!parsed.ok) throw new Error(parsed.message);
  const [header = [], ...rows] = parsed.rows;
  return { header, rows, col: (ja) => header.findIndex((h) => h.startsWith(`${ja} /`)) };
}

/** A CSV file as the browser would hold it after the user picked it (Node's File: see above). */
function csvFile(sheet: Pick<Sheet, 'header' | 'rows'>, name = 'npa-template.csv'): File {
  const file = new NodeFile([`\uFEFF${toCsv([sheet.header, ...sheet.rows])}`], name, { type: 'text/csv' });
  return file as unknown as File;
}

/** Rows the liaison may change: in progress, with room to move. */
function openRows(sheet: Sheet): string[][] {
  return sheet.rows.filter((r) => r[sheet.col('状況')] === '実施中' && Number(r[sheet.col('進捗（%）')]) < 99);
}

const rowsTable = () => screen.getByRole('table', { name: '確認結果（変更または問題のある行）' });

describe('the import page (a liaison)', () => {
  it('offers their own template and nothing to run before a file is chosen', async () => {
    renderApp('/import');
    expect(await screen.findByRole('heading', { level: 1, name: '進捗の取込（Excel・CSV）' })).toBeInTheDocument();
    expect(screen.queryByLabelText('府省庁')).not.toBeInTheDocument();
    expect(screen.getByLabelText('テンプレートの年度')).toHaveValue('2015');
    expect(screen.getByRole('link', { name: 'CSV（UTF-8）' })).toHaveAttribute(
      'href',
      '/api/export/template?ministry=npa&fy=2015&format=csv',
    );
    expect(screen.getByRole('link', { name: 'Excel（xlsx）' })).toHaveAttribute(
      'href',
      '/api/export/template?ministry=npa&fy=2015&format=xlsx',
    );
    expect(screen.getByRole('button', { name: '確認（ドライラン）' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '取り込む' })).toBeDisabled();
  });

  it('a dry run shows exactly the changed rows and a bad row’s problem; fixed, the rows are submitted', async () => {
    const sheet = await template();
    const [a, b, bad] = openRows(sheet);
    expect(bad, 'three open NPA rows in the sample scenario').toBeDefined();
    const [code, progress, status, narrative] = [
      sheet.col('施策コード'),
      sheet.col('進捗（%）'),
      sheet.col('状況'),
      sheet.col('成果・進捗状況'),
    ];
    const pA = Number(a![progress]);
    const badProgress = bad![progress]!;
    a![progress] = String(pA + 1);
    b![status] = '完了';
    b![progress] = '100';
    b![narrative] = '全国の警察で対処訓練を実施し、所期の取組を完了した。';
    bad![progress] = '150';

    const { user } = renderApp('/import');
    const input = await screen.findByLabelText('ファイル（.xlsx または .csv、5 MB まで）');
    await user.upload(input, csvFile(sheet));
    await user.click(screen.getByRole('button', { name: '確認（ドライラン）' }));

    expect(
      await screen.findByText(`行数 ${sheet.rows.length}・変更 2・変更なし ${sheet.rows.length - 3}・問題あり 1`),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('問題のある行があります。このままでは取り込めません。');
    const body = within(rowsTable()).getAllByRole('row').slice(1);
    expect(body).toHaveLength(3);
    const rowOf = (id: string) => body.find((r) => within(r).getAllByRole('cell')[1]!.textContent === id)!;
    expect(rowOf(a![code]!)).toHaveTextContent(`進捗（%）: ${pA} → ${pA + 1}`);
    expect(rowOf(b![code]!)).toHaveTextContent('状況: 実施中 → 完了');
    expect(rowOf(b![code]!)).toHaveTextContent('成果・進捗状況:');
    expect(rowOf(b![code]!)).toHaveTextContent('全国の警察で対処訓練を実施し');
    const problem = rowOf(bad![code]!);
    expect(problem).toHaveTextContent('進捗は0〜100の整数で入力してください: 「150」');
    expect(problem).not.toHaveTextContent('whole number');
    expect(screen.getByRole('button', { name: '取り込む' })).toBeDisabled();

    // Fixed: two rows to submit, and now the import may go ahead.
    bad![progress] = badProgress;
    await user.upload(input, csvFile(sheet));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '確認（ドライラン）' }));
    expect(await screen.findByText('問題はありません。「取り込む」で変更を反映します。')).toBeInTheDocument();
    expect(within(rowsTable()).getAllByRole('row')).toHaveLength(3);
    const commit = screen.getByRole('button', { name: '取り込む' });
    expect(commit).toBeEnabled();
    await user.click(commit);

    expect(await screen.findByText('提出しました。NISC の確認をお待ちください。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '提出・審査で確認する' })).toHaveAttribute('href', '/submissions');
    // The file is spent: it cannot be committed a second time by accident.
    expect(screen.getByRole('button', { name: '取り込む' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '確認（ドライラン）' })).toBeDisabled();

    const pending = await api().store.listSubmissions({ state: 'pending', ministryId: 'npa' });
    expect(pending.map((s) => s.measureId).sort()).toEqual([a![code], b![code]].sort());
    expect(pending.find((s) => s.measureId === b![code])).toMatchObject({ status: 'completed', progress: 100 });
  });

  it('refuses a file it cannot read, with the reason in the reader’s language', async () => {
    const sheet = await template();
    const status = sheet.col('状況');
    const broken = {
      header: sheet.header.filter((_, i) => i !== status),
      rows: sheet.rows.map((r) => r.filter((_, i) => i !== status)),
    };
    const { user } = renderApp('/import', { lang: 'en' });
    await user.upload(await screen.findByLabelText('File (.xlsx or .csv, up to 5 MB)'), csvFile(broken));
    await user.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The file was refused');
    expect(alert).toHaveTextContent(
      'The header row lacks required columns: "Status". Use the template the tracker produced',
    );
    expect(alert).not.toHaveTextContent('見出し行');
    expect(alert).not.toHaveTextContent('状況');
    expect(screen.getByLabelText('File (.xlsx or .csv, up to 5 MB)')).toHaveAccessibleDescription(
      /The file was refused/,
    );
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
  });

  it('a row changed by someone else after the dry run refuses the whole file at commit', async () => {
    const sheet = await template();
    const [row] = openRows(sheet).slice(3);
    const [code, progress, ministry] = [sheet.col('施策コード'), sheet.col('進捗（%）'), sheet.col('府省庁ID')];
    row![progress] = String(Number(row![progress]) + 1);
    const { user } = renderApp('/import');
    await user.upload(await screen.findByLabelText(/^ファイル/), csvFile(sheet));
    await user.click(screen.getByRole('button', { name: '確認（ドライラン）' }));
    await screen.findByText('問題はありません。「取り込む」で変更を反映します。');

    // NISC staff update that assignment meanwhile.
    const measureId = row![code]!;
    const before = (await api().store.snapshot()).assignments.find(
      (x) => x.measureId === measureId && x.ministryId === row![ministry],
    )!;
    const res = await (
      await api().clientAs('staff')
    ).patch(
      `/api/measures/${encodeURIComponent(measureId)}/assignments/npa`,
      { progress: before.progress + 2, comment: 'NISC 更新' },
      before.version,
    );
    expect(res.status).toBe(200);
    const submissionsBefore = (await api().store.listSubmissions({})).length;

    await user.click(screen.getByRole('button', { name: '取り込む' }));
    expect(
      await screen.findByText('問題のある行があるため取り込めません。修正して再度確認してください。'),
    ).toBeInTheDocument();
    expect(
      within(rowsTable()).getByRole('row', { name: new RegExp(measureId.replace(/[().]/g, '\\$&')) }),
    ).toHaveTextContent('テンプレート作成後に更新されています');
    expect(screen.getByRole('button', { name: '取り込む' })).toBeDisabled();
    expect((await api().store.listSubmissions({})).length).toBe(submissionsBefore);
  });
});

describe('the import page (NISC staff)', () => {
  it("picks a ministry and year for the template; another ministry's row is a problem, nothing is written", async () => {
    await api().signInAs('staff');
    const sheet = await template('staff', 'format=csv&fy=2016&ministry=mic');
    const [code, progress, ministry] = [sheet.col('施策コード'), sheet.col('進捗（%）'), sheet.col('府省庁ID')];
    const [first] = sheet.rows;
    first![progress] = String(Math.min(100, Number(first![progress]) + 1));
    // A row copied from another ministry's sheet.
    sheet.rows.push([...sheet.rows[1]!]);
    sheet.rows.at(-1)![ministry] = 'npa';
    const { user } = renderApp('/import');
    await screen.findByRole('option', { name: '総務省' });
    await user.selectOptions(screen.getByLabelText('府省庁'), 'mic');
    await user.selectOptions(screen.getByLabelText('テンプレートの年度'), '2016');
    expect(screen.getByRole('heading', { name: '収集テンプレート（2016年度（平成28年度））' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CSV（Shift_JIS）' })).toHaveAttribute(
      'href',
      '/api/export/template?ministry=mic&fy=2016&format=csv&encoding=sjis',
    );
    const before = { plan: await api().store.snapshot(), submissions: await api().store.listSubmissions({}) };
    await user.upload(screen.getByLabelText(/^ファイル/), csvFile(sheet, 'mic.csv'));
    await user.click(screen.getByRole('button', { name: '確認（ドライラン）' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('問題のある行があります');
    const problem = within(rowsTable()).getAllByRole('row').at(-1)!;
    expect(problem).toHaveTextContent('他の府省庁の行です（npa）。このファイルは mic 用です');
    expect(
      within(rowsTable()).getByRole('row', { name: new RegExp(first![code]!.replace(/[().]/g, '\\$&')) }),
    ).toHaveTextContent('進捗（%）:');
    expect(screen.getByRole('button', { name: '取り込む' })).toBeDisabled();
    expect((await api().store.snapshot()).assignments).toEqual(before.plan.assignments);
    expect(await api().store.listSubmissions({})).toEqual(before.submissions);
  });
});

import type { Locator, Page } from '@playwright/test';
import { parseCsv, toCsv } from '@/domain/annual';
import { expectAccessible, snapshot } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';
import { download, UTF8_BOM } from './support/files';
import { e2eState } from './support/users';

const LIMITS = { maxRows: 5000, maxColumns: 60, maxCellLength: 20000 };

/** A template as downloaded: its header, its rows, and a column found by its Japanese heading. */
class Sheet {
  constructor(
    readonly header: string[],
    readonly rows: string[][],
  ) {}
  static read(bytes: Buffer): Sheet {
    expect(bytes.subarray(0, 3)).toEqual(UTF8_BOM);
    const parsed = parseCsv(bytes.toString('utf8'), LIMITS);
    if (!parsed.ok) throw new Error(parsed.message);
    const [header = [], ...rows] = parsed.rows;
    return new Sheet(header, rows);
  }
  col(ja: string): number {
    const i = this.header.findIndex((h) => h.startsWith(`${ja} /`));
    expect(i, `column ${ja}`).toBeGreaterThanOrEqual(0);
    return i;
  }
  /** The file as a spreadsheet saves it: UTF-8 with a BOM, CRLF. */
  bytes(without?: number): Buffer {
    const keep = <T>(r: T[]) => (without === undefined ? r : r.filter((_, i) => i !== without));
    return Buffer.concat([UTF8_BOM, Buffer.from(toCsv([keep(this.header), ...this.rows.map(keep)]), 'utf8')]);
  }
}

type MeasureDetail = { assignments: { ministryId: string; progress: number; status: string; version: number }[] };

async function assignment(page: Page, measureId: string, ministryId: string) {
  const res = await page.request.get(`/api/measures/${encodeURIComponent(measureId)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as MeasureDetail).assignments.find((a) => a.ministryId === ministryId)!;
}

async function upload(page: Page, name: string, bytes: Buffer) {
  await page.locator('#i-file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
}

const rowFor = (table: Locator, code: string) =>
  table.locator('tbody tr').filter({ has: table.page().getByRole('cell', { name: code, exact: true }) });

for (const lang of ['ja', 'en'] as const) {
  test.describe(`importing a filled template (${lang})`, () => {
    test.use({ lang });
    const L = (ja: string, en: string) => (lang === 'ja' ? ja : en);
    // Each language's run changes its own rows of the NPA template.
    const offset = lang === 'ja' ? 0 : 2;

    test('a liaison changes rows; the dry run shows exactly them and a bad row; committed, they wait for review', async ({
      page,
      browser,
    }) => {
      await signIn(page, 'liaison');
      await page.goto('/import');
      await expect(
        page.getByRole('heading', { level: 1, name: L('進捗の取込（Excel・CSV）', 'Import progress (Excel or CSV)') }),
      ).toBeVisible();
      // A liaison's template is their own ministry's; there is no ministry to choose.
      await expect(page.getByLabel(L('府省庁', 'Ministry'), { exact: true })).toHaveCount(0);
      await page.getByLabel(L('テンプレートの年度', 'Template fiscal year')).selectOption('2016');
      await expect(
        page.getByRole('heading', {
          name: L('収集テンプレート（2016年度（平成28年度））', 'Collection template: FY2016 (Heisei 28)'),
        }),
      ).toBeVisible();
      await expect(page.getByRole('button', { name: L('取り込む', 'Import'), exact: true })).toBeDisabled();
      await expectAccessible(page, `import ${lang}`);

      const file = await download(page, page.getByRole('link', { name: L('CSV（UTF-8）', 'CSV (UTF-8)') }));
      expect(file.name).toBe('template-npa-FY2016.csv');
      const sheet = Sheet.read(file.bytes);
      const [code, ministry, status, progress, narrative, fy] = [
        sheet.col('施策コード'),
        sheet.col('府省庁ID'),
        sheet.col('状況'),
        sheet.col('進捗（%）'),
        sheet.col('成果・進捗状況'),
        sheet.col('年度'),
      ];
      expect(new Set(sheet.rows.map((r) => r[ministry]))).toEqual(new Set(['npa']));
      expect(new Set(sheet.rows.map((r) => r[fy]))).toEqual(new Set(['2016']));
      const open = sheet.rows.filter((r) => r[status] === '実施中' && Number(r[progress]) < 99);
      const [a, b] = open.slice(offset, offset + 2);
      const bad = sheet.rows.find((r) => r[status] === '完了' && r !== a && r !== b);
      expect(a && b && bad, 'two open NPA rows for this run and a completed one').toBeTruthy();
      const pA = Number(a![progress]);
      const badProgress = bad![progress]!;
      a![progress] = String(pA + 1);
      b![status] = '完了';
      b![progress] = '100';
      b![narrative] = L('全国の警察で対処訓練を実施し、所期の取組を完了した。', '全国の警察で演習を実施し、完了した。');
      bad![progress] = '150';

      await upload(page, 'npa-filled.csv', sheet.bytes());
      await page.getByRole('button', { name: L('確認（ドライラン）', 'Check (dry run)') }).click();
      const n = sheet.rows.length;
      await expect(
        page.getByText(
          L(
            `行数 ${n}・変更 2・変更なし ${n - 3}・問題あり 1`,
            `${n} rows: 2 changed, ${n - 3} unchanged, 1 with problems`,
          ),
        ),
      ).toBeVisible();
      const table = page.getByRole('table', {
        name: L('確認結果（変更または問題のある行）', 'Rows that change something or have problems'),
      });
      await expect(table.locator('tbody tr')).toHaveCount(3);
      await expect(rowFor(table, a![code]!)).toContainText(
        L(`進捗（%）: ${pA} → ${pA + 1}`, `Progress (%): ${pA} → ${pA + 1}`),
      );
      await expect(rowFor(table, b![code]!)).toContainText(L('状況: 実施中 → 完了', 'Status: In progress → Completed'));
      await expect(rowFor(table, b![code]!)).toContainText(b![narrative]);
      await expect(rowFor(table, bad![code]!)).toContainText(
        L('進捗は0〜100の整数で入力してください: 「150」', 'Progress must be a whole number 0–100: "150"'),
      );
      await expect(page.getByRole('alert')).toContainText(
        L(
          '問題のある行があります。このままでは取り込めません。',
          'Some rows have problems, so this file cannot be imported',
        ),
      );
      await expect(page.getByRole('button', { name: L('取り込む', 'Import'), exact: true })).toBeDisabled();
      await expectAccessible(page, `import dry run with a problem ${lang}`);
      await snapshot(page, `import-dry-run-${lang}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await snapshot(page, `import-dry-run-${lang}-phone`);
      await page.setViewportSize({ width: 1366, height: 768 });

      // The bad row put right: two changes, no problems, and the import may go ahead.
      bad![progress] = badProgress;
      await upload(page, 'npa-filled.csv', sheet.bytes());
      await page.getByRole('button', { name: L('確認（ドライラン）', 'Check (dry run)') }).click();
      await expect(
        page.getByText(
          L(
            '問題はありません。「取り込む」で変更を反映します。',
            'No problems found: choose “Import” to apply the changes.',
          ),
        ),
      ).toBeVisible();
      await expect(table.locator('tbody tr')).toHaveCount(2);
      const commit = page.getByRole('button', { name: L('取り込む', 'Import'), exact: true });
      await expect(commit).toBeEnabled();
      await commit.click();
      await expect(page.getByRole('status').filter({ hasText: L('提出しました。', 'Submitted;') })).toContainText(
        L('提出しました。NISC の確認をお待ちください。', 'Submitted; NISC will review the rows.'),
      );
      await expect(commit).toBeDisabled();
      await expectAccessible(page, `import committed ${lang}`);
      await snapshot(page, `import-submitted-${lang}`);
      // Submissions wait for review: the assignment itself has not moved yet.
      expect((await assignment(page, a![code]!, 'npa')).progress).toBe(pA);

      // NISC staff see both rows in the review queue.
      const staffContext = await browser.newContext({ baseURL: e2eState().url, locale: 'ja-JP' });
      await staffContext.addInitScript((l) => localStorage.setItem('tracker.lang', l), lang);
      const staff = await staffContext.newPage();
      await signIn(staff, 'staff');
      await staff.goto('/submissions');
      for (const row of [a!, b!]) {
        const card = staff.getByRole('article').filter({ hasText: row[code]! }).first();
        await expect(card).toBeVisible();
        await expect(card).toContainText(L('審査待ち', 'Pending'));
      }
      const cardB = staff.getByRole('article').filter({ hasText: b![code]! }).first();
      await expect(cardB).toContainText(L('完了', 'Completed'));
      await expect(cardB).toContainText(b![narrative]);
      await expectAccessible(staff, `review queue after an import ${lang}`);
      await snapshot(staff, `review-queue-after-import-${lang}`);
      await staffContext.close();
    });

    test('NISC staff: a file with a problem is refused with a clear message and nothing is written', async ({
      page,
    }) => {
      await signIn(page, 'staff');
      await page.goto('/import');
      await page.getByLabel(L('府省庁', 'Ministry'), { exact: true }).selectOption('mic');
      const file = await download(page, page.getByRole('link', { name: L('CSV（UTF-8）', 'CSV (UTF-8)') }));
      expect(file.name).toMatch(/^template-mic-FY\d{4}\.csv$/);
      const sheet = Sheet.read(file.bytes);
      const [code, ministry, status, progress] = [
        sheet.col('施策コード'),
        sheet.col('府省庁ID'),
        sheet.col('状況'),
        sheet.col('進捗（%）'),
      ];
      const row = sheet.rows.find((r) => r[status] === '実施中' && Number(r[progress]) < 99)!;
      expect(row, 'an open MIC row').toBeDefined();
      const before = await assignment(page, row[code]!, 'mic');
      row[progress] = String(Number(row[progress]) + 1);
      const typo = [...sheet.rows.find((r) => r !== row)!];
      typo[code] = '9.9.9-9';
      typo[ministry] = 'mic';
      sheet.rows.push(typo);

      await upload(page, 'mic-filled.csv', sheet.bytes());
      await page.getByRole('button', { name: L('確認（ドライラン）', 'Check (dry run)') }).click();
      const table = page.getByRole('table', {
        name: L('確認結果（変更または問題のある行）', 'Rows that change something or have problems'),
      });
      await expect(rowFor(table, '9.9.9-9')).toContainText(
        L('施策コードが見つかりません: 9.9.9-9', 'Unknown measure: 9.9.9-9'),
      );
      await expect(page.getByRole('alert')).toContainText(
        L('このままでは取り込めません', 'this file cannot be imported as it is'),
      );
      await expect(page.getByRole('button', { name: L('取り込む', 'Import'), exact: true })).toBeDisabled();

      // A file whose header lost a column is refused outright, saying which.
      await upload(page, 'mic-no-status.csv', sheet.bytes(status));
      await page.getByRole('button', { name: L('確認（ドライラン）', 'Check (dry run)') }).click();
      const refused = page.getByRole('alert');
      await expect(refused).toContainText(L('ファイルを受け付けられませんでした', 'The file was refused'));
      await expect(refused).toContainText(
        L(
          '見出し行に必要な列がありません: 「状況」。トラッカーが出力したテンプレートを使い',
          'The header row lacks required columns: "Status". Use the template the tracker produced',
        ),
      );
      // Only the reader's language: not the other half of the server's message.
      await expect(refused).not.toContainText(L('The header row', '見出し行'));
      await expect(refused).not.toContainText(L('Status', '状況'));
      await expect(page.getByRole('button', { name: L('取り込む', 'Import'), exact: true })).toBeDisabled();
      await expectAccessible(page, `import refused ${lang}`);
      await snapshot(page, `import-refused-${lang}`);

      const after = await assignment(page, row[code]!, 'mic');
      expect(after).toEqual(before);
    });
  });
}

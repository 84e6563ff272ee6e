import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { parseCsv } from '@/domain/annual';
import { expectAccessible } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';
import { download, UTF8_BOM, ZIP_MAGIC } from './support/files';

const AS_OF = '2017-03-31';
const FILTERS = `area=5.2&status=in_progress&asOf=${AS_OF}`;
const LIMITS = { maxRows: 5000, maxColumns: 60, maxCellLength: 20000 };

/** What the list's export writes, in order: each column named in both languages. */
const HEADER = [
  'コード / Code',
  '施策 / Measure',
  '政策領域 / Policy area',
  '項目 / Section',
  '主担当 / Lead',
  '担当府省庁 / Ministries',
  '期限 / Due',
  '期限の表現 / Deadline wording',
  '状況 / Status',
  '進捗（%） / Progress (%)',
  '健全性 / Health',
  '職員による評価 / Staff rating',
  '再掲元 / Cross-listed from',
  '最終更新 / Last update',
];

async function filtered(page: Page): Promise<string[]> {
  const res = await page.request.get(`/api/measures?${FILTERS}&limit=1000`);
  expect(res.status()).toBe(200);
  const { items, total } = (await res.json()) as { items: { code: string }[]; total: number };
  expect(items).toHaveLength(total);
  return items.map((m) => m.code);
}

for (const lang of ['ja', 'en'] as const) {
  test.describe(`exporting the measures list (${lang})`, () => {
    test.use({ lang });
    const L = (ja: string, en: string) => (lang === 'ja' ? ja : en);

    test('CSV and Excel hold exactly the rows the filters in the URL select', async ({ page }) => {
      await signIn(page, 'viewer');
      const codes = await filtered(page);
      expect(codes.length).toBeGreaterThan(0);
      await page.goto(`/measures?${FILTERS}`);
      await expect(page.getByLabel(L('政策領域', 'Policy area'))).toHaveValue('5.2');
      await expect(page.getByLabel(L('状況', 'Status'))).toHaveValue('in_progress');
      const exports = page.getByRole('group', { name: L('この一覧を出力', 'Export this list') });
      await expect(exports).toBeVisible();
      await expectAccessible(page, `measures with export links ${lang}`);

      const csv = await download(page, exports.getByRole('link', { name: L('CSV（UTF-8）', 'CSV (UTF-8)') }));
      expect(csv.contentType).toBe('text/csv; charset=utf-8');
      expect(csv.name).toBe(`measures-${AS_OF}.csv`);
      expect(csv.bytes.subarray(0, 3)).toEqual(UTF8_BOM);
      const text = csv.bytes.toString('utf8');
      expect(text).toContain('\r\n');
      const parsed = parseCsv(text, LIMITS);
      if (!parsed.ok) throw new Error(parsed.message);
      const [header, ...rows] = parsed.rows;
      expect(header).toEqual(HEADER);
      expect(rows.map((r) => r[0])).toEqual(codes);
      for (const r of rows) {
        expect(r[2], r[0]).toBe('5.2');
        expect(r[8], r[0]).toBe('実施中');
      }

      const xlsx = await download(page, exports.getByRole('link', { name: L('Excel（xlsx）', 'Excel (xlsx)') }));
      expect(xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.name).toBe(`measures-${AS_OF}.xlsx`);
      expect(xlsx.bytes.subarray(0, 4)).toEqual(ZIP_MAGIC);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
      const sheetCodes: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) sheetCodes.push(row.getCell(1).text);
      });
      expect(sheetCodes).toEqual(codes);
    });
  });
}

import ExcelJS from 'exceljs';
import { headerText, STATUS_CHOICES_JA, type Cell, type Column } from '@/domain/annual';
import { parts } from '@/domain/plan';

/**
 * One sheet, header in row 1 and frozen, no merged cells, a drop-down list on status, whole numbers
 * 0–100 on progress, and dates as real dates (西暦, yyyy-mm-dd) rather than text.
 */
export async function writeXlsx<K extends string>(options: {
  sheetName: string;
  columns: readonly Column<K>[];
  rows: readonly Record<K, Cell>[];
  /** Written to the workbook's subject so the import knows what the template was made for. */
  subject?: string;
  title: string;
}): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cyber-strategy-tracker';
  wb.title = options.title;
  if (options.subject) wb.subject = options.subject;
  const ws = wb.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = options.columns.map((c) => ({ header: headerText(c), key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
  for (const row of options.rows) {
    const values: Record<string, unknown> = {};
    for (const c of options.columns) values[c.key] = toCellValue(c, row[c.key]);
    ws.addRow(values);
  }
  const last = Math.max(2, options.rows.length + 1);
  // exceljs supports range validations (merged into one sqref) but its typings omit them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  options.columns.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    if (c.kind === 'date') ws.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    if (c.kind === 'status')
      validations.add(`${letter}2:${letter}${last}`, {
        type: 'list',
        allowBlank: false,
        formulae: [`"${STATUS_CHOICES_JA.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '状況 / Status',
        error: '未着手・実施中・完了・中止から選んでください / Choose one of the listed statuses',
      });
    if (c.key === 'progress')
      validations.add(`${letter}2:${letter}${last}`, {
        type: 'whole',
        operator: 'between',
        allowBlank: false,
        formulae: [0, 100],
        showErrorMessage: true,
        errorTitle: '進捗 / Progress',
        error: '0〜100の整数 / A whole number 0–100',
      });
  });
  const out = await wb.xlsx.writeBuffer();
  return new Uint8Array(out);
}

function toCellValue(c: { kind: string }, value: Cell): unknown {
  if (value === null) return null;
  if (c.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const { year, month, day } = parts(value);
    return new Date(Date.UTC(year, month - 1, day));
  }
  return value;
}

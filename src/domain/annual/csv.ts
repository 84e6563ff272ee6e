/**
 * CSV as spreadsheets read it (RFC 4180: commas, double quotes, CRLF). Writing neutralises cells a
 * spreadsheet would run as a formula; reading is bounded so a hostile file cannot exhaust memory.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell that Excel will not run: a leading = + - @ tab or CR gets an apostrophe in front. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Undoes csvCell's neutralising apostrophe, so an exported file imports unchanged. */
export function unneutralise(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export type CsvLimits = { maxRows: number; maxColumns: number; maxCellLength: number };

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; message: string };

/** Parses CSV text into rows of cells; refuses (with a bilingual message) past any limit. */
export function parseCsv(input: string, limits: CsvLimits): CsvParse {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = (): string | null => {
    if (cell.length > limits.maxCellLength) return tooLong(limits.maxCellLength);
    row.push(cell);
    cell = '';
    if (row.length > limits.maxColumns)
      return `列が多すぎます（上限 ${limits.maxColumns} 列）/ Too many columns (at most ${limits.maxColumns})`;
    return null;
  };
  const endRow = (): string | null => {
    const problem = endCell();
    if (problem) return problem;
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    if (rows.length > limits.maxRows + 1)
      return `行数が多すぎます（上限 ${limits.maxRows} 行）。ファイルを分けてください / Too many rows (at most ${limits.maxRows}); split the file`;
    return null;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      if (cell.length > limits.maxCellLength) return { ok: false, message: tooLong(limits.maxCellLength) };
      i++;
      continue;
    }
    let problem: string | null = null;
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') problem = endCell();
    else if (ch === '\r' || ch === '\n') {
      problem = endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    if (problem) return { ok: false, message: problem };
    i++;
  }
  if (quoted) return { ok: false, message: '引用符が閉じていません / A quoted cell is not closed' };
  if (cell !== '' || row.length) {
    const problem = endRow();
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, rows };
}

function tooLong(max: number): string {
  return `セルの文字数が多すぎます（上限 ${max} 文字）/ A cell is too long (at most ${max} characters)`;
}

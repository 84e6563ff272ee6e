import type { ImportCell, ImportTable } from '@/domain/annual';
import { ooxmlUnescape, readXml, refuse } from './xlsx-xml';
import { inflateEntry, readCentralDirectory, XLSX_ZIP_LIMITS, ZipRefused, type ZipEntry } from './zip';

/**
 * Reads the first worksheet of an XLSX into cells, touching only the parts it needs (workbook,
 * its relationships, shared strings, one sheet, core properties). Every part goes through saxes
 * (xlsx-xml.ts): linear in its size, malformed XML refused. Counts are capped as they are read —
 * rows, columns, cells, shared strings and their total length — so no file can make the reader hold
 * more than the caps allow. A formula cell yields its cached value flagged as a formula — never
 * evaluated — and the import refuses it. Decision record 007.
 */

export type XlsxLimits = {
  maxRows: number;
  maxColumns: number;
  maxCellLength: number;
  /** `<c>` elements in the sheet (a row may repeat a column reference, so rows × columns is no bound). */
  maxCells?: number;
  maxSharedStrings?: number;
  /** Characters in all shared strings together. */
  maxSharedChars?: number;
};
export type XlsxRead = ImportTable & { meta: { ministryId: string | null; fy: number | null } };

/** A 10,000-row template holds ~150,000 cells and fewer shared strings; these leave room and no more. */
export const XLSX_CAPS = { maxCells: 600_000, maxSharedStrings: 300_000, maxSharedChars: 20_000_000 } as const;

type Caps = Required<XlsxLimits>;

export function readXlsx(buf: Uint8Array, limits: XlsxLimits): XlsxRead {
  const caps: Caps = { ...XLSX_CAPS, ...limits };
  const entries = readCentralDirectory(buf, XLSX_ZIP_LIMITS);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const budget = { remaining: XLSX_ZIP_LIMITS.maxTotalBytes };
  const text = (name: string): string | null => {
    const e: ZipEntry | undefined = byName.get(name);
    if (!e) return null;
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(inflateEntry(buf, e, budget));
    } catch (error) {
      if (error instanceof ZipRefused) throw error;
      throw refuse('ファイルが壊れています', 'The file is damaged');
    }
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === null) throw refuse('Excel ブック（.xlsx）ではありません', 'Not an Excel workbook (.xlsx)');
  const sheetPath = firstSheetPath(workbook, text('xl/_rels/workbook.xml.rels'));
  const sheet = text(sheetPath);
  if (sheet === null) throw refuse('ワークシートが見つかりません', 'No worksheet found');
  const shared = sharedStrings(text('xl/sharedStrings.xml'), caps);
  const rows = sheetRows(sheetPath, sheet, shared, caps);
  const [header, ...data] = rows;
  return {
    header: (header?.cells ?? []).map((c) => c.text),
    rows: data,
    meta: templateMeta(text('docProps/core.xml')),
  };
}

/** The first sheet's part, through its relationship; the conventional path if either is missing. */
function firstSheetPath(workbook: string, rels: string | null): string {
  let rid: string | undefined;
  readXml('xl/workbook.xml', workbook, {
    open: (name, attrs) => {
      if (name === 'sheet' && rid === undefined) rid = attrs['r:id'];
    },
  });
  let target: string | undefined;
  if (rid !== undefined && rels !== null)
    readXml('xl/_rels/workbook.xml.rels', rels, {
      open: (name, attrs) => {
        if (name === 'Relationship' && target === undefined && attrs.Id === rid) target = attrs.Target;
      },
    });
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * Collects the visible text of rich-text runs (<si>, <is>): the <t> runs, without phonetic guides
 * (<rPh>, ふりがな). `onText` is fed every text event; `open`/`close` track where it stands.
 */
class RunText {
  private inT = 0;
  private inPhonetic = 0;
  private parts: string[] = [];
  private length = 0;
  constructor(private readonly maxLength: number) {}
  open(name: string) {
    if (name === 't') this.inT++;
    else if (name === 'rPh') this.inPhonetic++;
  }
  close(name: string) {
    if (name === 't') this.inT--;
    else if (name === 'rPh') this.inPhonetic--;
  }
  onText(s: string) {
    if (this.inT <= 0 || this.inPhonetic > 0) return;
    this.length += s.length;
    if (this.length > this.maxLength) throw tooLong(this.maxLength);
    this.parts.push(s);
  }
  take(): string {
    const out = ooxmlUnescape(this.parts.join(''));
    this.parts = [];
    this.length = 0;
    return out;
  }
}

const tooLong = (max: number) =>
  refuse(`セルの文字数が多すぎます（上限 ${max} 文字）`, `A cell is too long (at most ${max} characters)`);

function sharedStrings(xml: string | null, caps: Caps): string[] {
  const out: string[] = [];
  if (xml === null) return out;
  let total = 0;
  let inSi = false;
  const run = new RunText(caps.maxCellLength);
  readXml('xl/sharedStrings.xml', xml, {
    open: (name) => {
      if (name === 'si') {
        if (out.length >= caps.maxSharedStrings)
          throw refuse(
            `共有文字列が多すぎます（上限 ${caps.maxSharedStrings} 件）`,
            `Too many shared strings (at most ${caps.maxSharedStrings})`,
          );
        inSi = true;
      } else if (inSi) run.open(name);
    },
    close: (name) => {
      if (name !== 'si') return inSi && run.close(name);
      inSi = false;
      const s = run.take();
      total += s.length;
      if (total > caps.maxSharedChars)
        throw refuse(
          `共有文字列の合計が長すぎます（上限 ${caps.maxSharedChars} 文字）`,
          `The shared strings are too long in total (at most ${caps.maxSharedChars} characters)`,
        );
      out.push(s);
    },
    text: (s) => inSi && run.onText(s),
  });
  return out;
}

/** The column of a reference such as "AB12" (letters then digits), or -1. */
function refColumn(ref: string | undefined): number {
  if (!ref) return -1;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  if (i === 0) return -1;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  return n - 1;
}

type Row = { row: number; cells: ImportCell[] };

function sheetRows(part: string, xml: string, shared: string[], caps: Caps): Row[] {
  const out: Row[] = [];
  const cell = new CellReader(shared, caps);
  let row: Row | null = null;
  let seq = 0;
  let col = -1;
  let cells = 0;
  readXml(part, xml, {
    open: (name, attrs) => {
      if (name === 'row') {
        if (out.length >= caps.maxRows + 1)
          throw refuse(
            `行数が多すぎます（上限 ${caps.maxRows} 行）。ファイルを分けてください`,
            `Too many rows (at most ${caps.maxRows}); split the file`,
          );
        const r = attrs.r;
        seq = r !== undefined && /^\d{1,7}$/.test(r) ? Number(r) : seq + 1;
        row = { row: seq, cells: [] };
        col = -1;
      } else if (name === 'c' && row) {
        if (++cells > caps.maxCells)
          throw refuse(`セルが多すぎます（上限 ${caps.maxCells} 個）`, `Too many cells (at most ${caps.maxCells})`);
        const ref = refColumn(attrs.r);
        col = ref >= 0 ? ref : col + 1;
        if (col >= caps.maxColumns)
          throw refuse(`列が多すぎます（上限 ${caps.maxColumns} 列）`, `Too many columns (at most ${caps.maxColumns})`);
        cell.start(attrs.t);
      } else if (row) cell.open(name);
    },
    close: (name) => {
      if (name === 'row' && row) {
        out.push(row);
        row = null;
      } else if (name === 'c' && row) {
        while (row.cells.length < col) row.cells.push({ text: '', formula: false });
        row.cells[col] = cell.end();
      } else if (row) cell.close(name);
    },
    text: (s) => row !== null && cell.onText(s),
  });
  return out;
}

/** One `<c>` at a time: its type, whether it has a formula, its <v> or inline string. */
class CellReader {
  private type = 'n';
  private formula = false;
  private inV = false;
  private inInline = false;
  private v: string | undefined;
  private readonly run: RunText;
  constructor(
    private readonly shared: string[],
    private readonly caps: Caps,
  ) {
    this.run = new RunText(caps.maxCellLength);
  }
  start(t: string | undefined) {
    this.type = t !== undefined && /^\w+$/.test(t) ? t : 'n';
    this.formula = false;
    this.v = undefined;
    this.run.take();
  }
  open(name: string) {
    if (name === 'f') this.formula = true;
    else if (name === 'v') {
      this.inV = true;
      this.v ??= '';
    } else if (name === 'is') this.inInline = true;
    else if (this.inInline) this.run.open(name);
  }
  close(name: string) {
    if (name === 'v') this.inV = false;
    else if (name === 'is') this.inInline = false;
    else if (this.inInline) this.run.close(name);
  }
  onText(s: string) {
    if (this.inV) {
      if ((this.v ?? '').length + s.length > this.caps.maxCellLength) throw tooLong(this.caps.maxCellLength);
      this.v = (this.v ?? '') + s;
    } else if (this.inInline) this.run.onText(s);
  }
  end(): ImportCell {
    const { type, v } = this;
    let text = '';
    if (type === 's') text = this.shared[Number(v)] ?? '';
    else if (type === 'inlineStr') text = this.run.take();
    else if (type === 'b') text = v === '1' ? 'TRUE' : v === undefined ? '' : 'FALSE';
    else text = v === undefined ? '' : ooxmlUnescape(v);
    if (text.length > this.caps.maxCellLength) throw tooLong(this.caps.maxCellLength);
    return { text, formula: this.formula };
  }
}

/** The template's own label in the workbook's properties: which ministry and year it was made for. */
function templateMeta(core: string | null): XlsxRead['meta'] {
  let subject = '';
  let inSubject = false;
  if (core !== null)
    readXml('docProps/core.xml', core, {
      open: (name) => (inSubject = name === 'subject'),
      close: () => (inSubject = false),
      text: (s) => {
        if (inSubject && subject.length < 1000) subject += s;
      },
    });
  if (!subject.startsWith('tracker-template')) return { ministryId: null, fy: null };
  const ministry = /\bministry=([a-z0-9_]+)/.exec(subject)?.[1] ?? null;
  const fy = /\bfy=(\d{4})/.exec(subject)?.[1];
  return { ministryId: ministry, fy: fy ? Number(fy) : null };
}

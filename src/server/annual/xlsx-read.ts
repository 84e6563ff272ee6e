import type { ImportCell, ImportTable } from '../../domain/annual-import';
import { inflateEntry, readCentralDirectory, XLSX_ZIP_LIMITS, ZipRefused, type ZipEntry } from './zip';

/**
 * Reads the first worksheet of an XLSX into cells, touching only the parts it needs (workbook,
 * its relationships, shared strings, one sheet, core properties). A formula cell yields its
 * cached value flagged as a formula — never evaluated — and the import refuses it.
 */

export type XlsxLimits = { maxRows: number; maxColumns: number; maxCellLength: number };
export type XlsxRead = ImportTable & { meta: { ministryId: string | null; fy: number | null } };

const refuse = (ja: string, en: string) => new ZipRefused(`${ja} / ${en}`);

export function readXlsx(buf: Uint8Array, limits: XlsxLimits): XlsxRead {
  const entries = readCentralDirectory(buf, XLSX_ZIP_LIMITS);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const budget = { remaining: XLSX_ZIP_LIMITS.maxTotalBytes };
  const text = (name: string): string | null => {
    const e: ZipEntry | undefined = byName.get(name);
    if (!e) return null;
    try {
      return new TextDecoder('utf-8').decode(inflateEntry(buf, e, budget));
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
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');
  const rows = sheetRows(sheet, shared, limits);
  const [header, ...data] = rows;
  return {
    header: (header?.cells ?? []).map((c) => c.text),
    rows: data,
    meta: templateMeta(text('docProps/core.xml') ?? ''),
  };
}

function firstSheetPath(workbook: string, rels: string | null): string {
  const rid = /<(?:\w+:)?sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  if (rid && rels) {
    const rel = new RegExp(`<Relationship\\b[^>]*\\bId="${rid.replace(/[^\w]/g, '')}"[^>]*>`).exec(rels)?.[0];
    const target = rel && /\bTarget="([^"]+)"/.exec(rel)?.[1];
    if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return 'xl/worksheets/sheet1.xml';
}

/** XML text: entities and OOXML's _xHHHH_ escapes. */
export function xmlText(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) =>
      e === 'lt'
        ? '<'
        : e === 'gt'
          ? '>'
          : e === 'amp'
            ? '&'
            : e === 'quot'
              ? '"'
              : e === 'apos'
                ? "'"
                : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
    );
}

/** The visible text of an <si> or <is>: its <t> runs, without phonetic guides (<rPh>, ふりがな). */
function runText(xml: string): string {
  const visible = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of visible.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += xmlText(m[1] ?? '');
  return out;
}

function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) => runText(m[1] ?? ''));
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function sheetRows(xml: string, shared: string[], limits: XlsxLimits): { row: number; cells: ImportCell[] }[] {
  const out: { row: number; cells: ImportCell[] }[] = [];
  let seq = 0;
  for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    seq++;
    const rowNumber = Number(/\br="(\d+)"/.exec(rm[1] ?? '')?.[1] ?? seq);
    seq = rowNumber;
    if (out.length > limits.maxRows)
      throw refuse(
        `行数が多すぎます（上限 ${limits.maxRows} 行）。ファイルを分けてください`,
        `Too many rows (at most ${limits.maxRows}); split the file`,
      );
    const cells: ImportCell[] = [];
    let col = -1;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1] ?? '';
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs)?.[1];
      col = ref ? columnIndex(ref) : col + 1;
      if (col >= limits.maxColumns)
        throw refuse(
          `列が多すぎます（上限 ${limits.maxColumns} 列）`,
          `Too many columns (at most ${limits.maxColumns})`,
        );
      const cell = cellValue(attrs, cm[2] ?? '', shared);
      if (cell.text.length > limits.maxCellLength)
        throw refuse(
          `セルの文字数が多すぎます（上限 ${limits.maxCellLength} 文字）`,
          `A cell is too long (at most ${limits.maxCellLength} characters)`,
        );
      while (cells.length < col) cells.push({ text: '', formula: false });
      cells[col] = cell;
    }
    out.push({ row: rowNumber, cells });
  }
  return out;
}

function cellValue(attrs: string, body: string, shared: string[]): ImportCell {
  const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
  const formula = /<f\b/.test(body);
  const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  let text = '';
  if (type === 's') text = shared[Number(v)] ?? '';
  else if (type === 'inlineStr') text = runText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
  else if (type === 'b') text = v === '1' ? 'TRUE' : v === undefined ? '' : 'FALSE';
  else text = v === undefined ? '' : xmlText(v);
  return { text, formula };
}

/** The template's own label in the workbook's properties: which ministry and year it was made for. */
function templateMeta(core: string): XlsxRead['meta'] {
  const subject = xmlText(/<dc:subject>([\s\S]*?)<\/dc:subject>/.exec(core)?.[1] ?? '');
  if (!subject.startsWith('tracker-template')) return { ministryId: null, fy: null };
  const ministry = /\bministry=([a-z0-9_]+)/.exec(subject)?.[1] ?? null;
  const fy = /\bfy=(\d{4})/.exec(subject)?.[1];
  return { ministryId: ministry, fy: fy ? Number(fy) : null };
}

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

/** The first sheet's part, through its relationship; the conventional path if either is missing. */
function firstSheetPath(workbook: string, rels: string | null): string {
  let rid: string | undefined;
  for (const attrs of startTags(workbook, 'sheet', true)) if ((rid = attr(attrs, 'r:id'))) break;
  if (rid && rels) {
    const id = rid.replace(/[^\w]/g, '');
    for (const attrs of startTags(rels, 'Relationship', false)) {
      if (attr(attrs, 'Id') !== id) continue;
      const target = attr(attrs, 'Target');
      if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      break;
    }
  }
  return 'xl/worksheets/sheet1.xml';
}

/** XML text: entities and OOXML's _xHHHH_ escapes. */
export function xmlText(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s; // nearly every cell: nothing to undo
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

/*
 * The sheet and the shared strings are scanned with indexOf rather than one regular expression per
 * cell: a 10,000-row template is 150,000 cells in 5 MB of XML. The grammar is the same as the
 * regular expressions it replaced (tags matched by name followed by a non-word character, the
 * first closing tag ends an element, attributes as name="value").
 */

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; // [0-9A-Za-z_]

/** Index of the next `<name` whose name ends there (like /<name\b/), or -1. */
function openTag(xml: string, name: string, from: number): number {
  const needle = `<${name}`;
  for (let i = xml.indexOf(needle, from); i >= 0; i = xml.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if (end >= xml.length || !isWordChar(xml.charCodeAt(end))) return i;
  }
  return -1;
}

type Element = { attrs: string; body: string; next: number };

/**
 * Where a scan stands. Once a closing tag is missing, no later element of that name can be closed
 * either, so the scan stops looking for one (only self-closing ones remain): without this, a file
 * of unclosed tags would cost a search to the end of the text for each — quadratic.
 */
type Scan = { closable: boolean; done: boolean };

/**
 * The element starting at `at` (an open tag found by openTag): its attributes and body, and where
 * scanning resumes. Null when it is neither self-closing nor closed (`s.done`: nothing further).
 */
function element(xml: string, name: string, at: number, s: Scan): Element | null {
  const gt = xml.indexOf('>', at);
  if (gt < 0) {
    s.done = true;
    return null;
  }
  const attrsStart = at + name.length + 1;
  if (xml.charCodeAt(gt - 1) === 47 /* / */ && gt - 1 >= attrsStart)
    return { attrs: xml.slice(attrsStart, gt - 1), body: '', next: gt + 1 };
  const close = s.closable ? xml.indexOf(`</${name}>`, gt + 1) : -1;
  if (close < 0) {
    s.closable = false;
    return null;
  }
  return { attrs: xml.slice(attrsStart, gt), body: xml.slice(gt + 1, close), next: close + name.length + 3 };
}

/** Every element `name` in `xml`, in order, as the regular expression /<name\b…/g would find them. */
function* elements(xml: string, name: string): Generator<Element> {
  const s: Scan = { closable: true, done: false };
  for (let at = openTag(xml, name, 0); at >= 0;) {
    const el = element(xml, name, at, s);
    if (el) {
      yield el;
      at = openTag(xml, name, el.next);
    } else if (s.done) break;
    else at = openTag(xml, name, at + 1);
  }
}

/**
 * The attribute text of each start tag `<name …>` — or `<prefix:name …>` where `prefixed` — in
 * order. Linear in the text, unlike /<name\b[^>]*…/ on a file of unterminated tags.
 */
function* startTags(xml: string, name: string, prefixed: boolean): Generator<string> {
  for (let lt = xml.indexOf('<'); lt >= 0;) {
    let end = lt + 1;
    while (end < xml.length && (isWordChar(xml.charCodeAt(end)) || xml.charCodeAt(end) === 58) /* : */) end++;
    const tag = xml.slice(lt + 1, end);
    const colon = tag.indexOf(':');
    const matches = colon < 0 ? tag === name : prefixed && colon > 0 && tag.slice(colon + 1) === name;
    if (!matches) {
      lt = xml.indexOf('<', lt + 1);
      continue;
    }
    const gt = xml.indexOf('>', end);
    if (gt < 0) return;
    yield xml.slice(end, gt);
    lt = xml.indexOf('<', gt);
  }
}

/** The value of attribute `name` (a whole word: `t` does not match `customFormat`), or undefined. */
function attr(attrs: string, name: string): string | undefined {
  const needle = `${name}="`;
  for (let i = attrs.indexOf(needle); i >= 0; i = attrs.indexOf(needle, i + 1)) {
    if (i > 0 && isWordChar(attrs.charCodeAt(i - 1))) continue;
    const end = attrs.indexOf('"', i + needle.length);
    return end < 0 ? undefined : attrs.slice(i + needle.length, end);
  }
  return undefined;
}

/** The text between the first `<name>` (no attributes) and the next `</name>`, or undefined. */
function inner(body: string, name: string): string | undefined {
  const open = body.indexOf(`<${name}>`);
  if (open < 0) return undefined;
  const close = body.indexOf(`</${name}>`, open + name.length + 2);
  return close < 0 ? undefined : body.slice(open + name.length + 2, close);
}

/** The visible text of an <si> or <is>: its <t> runs, without phonetic guides (<rPh>, ふりがな). */
function runText(xml: string): string {
  const visible = withoutPhonetics(xml);
  let out = '';
  for (const t of elements(visible, 't')) out += xmlText(t.body);
  return out;
}

/** `xml` without its <rPh>…</rPh> runs (as /<rPh\b[\s\S]*?<\/rPh>/g would remove them, in linear time). */
function withoutPhonetics(xml: string): string {
  if (!xml.includes('<rPh')) return xml;
  let out = '';
  let from = 0;
  for (let at = openTag(xml, 'rPh', 0); at >= 0; at = openTag(xml, 'rPh', from)) {
    const close = xml.indexOf('</rPh>', at + 4);
    if (close < 0) break; // and no later one can be closed either
    out += xml.slice(from, at);
    from = close + 6;
  }
  return out + xml.slice(from);
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const si of elements(xml, 'si')) out.push(runText(si.body));
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

function sheetRows(xml: string, shared: string[], limits: XlsxLimits): { row: number; cells: ImportCell[] }[] {
  const out: { row: number; cells: ImportCell[] }[] = [];
  let seq = 0;
  for (const rowEl of elements(xml, 'row')) {
    seq++;
    const r = attr(rowEl.attrs, 'r');
    const rowNumber = r !== undefined && /^\d+$/.test(r) ? Number(r) : seq;
    seq = rowNumber;
    if (out.length > limits.maxRows)
      throw refuse(
        `行数が多すぎます（上限 ${limits.maxRows} 行）。ファイルを分けてください`,
        `Too many rows (at most ${limits.maxRows}); split the file`,
      );
    out.push({ row: rowNumber, cells: rowCells(rowEl.body, shared, limits) });
  }
  return out;
}

/** The cells of one row's body; a missing cell (or a gap in the references) is empty. */
function rowCells(body: string, shared: string[], limits: XlsxLimits): ImportCell[] {
  const cells: ImportCell[] = [];
  let col = -1;
  let closable = true; // as in Scan: once a </c> is missing, no later one can be found
  for (let at = openTag(body, 'c', 0); at >= 0;) {
    const gt = body.indexOf('>', at);
    if (gt < 0) break;
    const selfClosing = body.charCodeAt(gt - 1) === 47 /* / */ && gt - 1 >= at + 2;
    const attrsEnd = selfClosing ? gt - 1 : gt;
    const bodyStart = gt + 1;
    let bodyEnd = gt + 1;
    if (!selfClosing) {
      const close = closable ? body.indexOf('</c>', gt + 1) : -1;
      if (close < 0) {
        closable = false;
        at = openTag(body, 'c', at + 1);
        continue;
      }
      bodyEnd = close;
    }
    const next = selfClosing ? gt + 1 : bodyEnd + 4;
    const attrs = body.slice(at + 2, attrsEnd);
    const ref = refColumn(attr(attrs, 'r'));
    col = ref >= 0 ? ref : col + 1;
    if (col >= limits.maxColumns)
      throw refuse(`列が多すぎます（上限 ${limits.maxColumns} 列）`, `Too many columns (at most ${limits.maxColumns})`);
    const t = attr(attrs, 't');
    const cell = cellValue(t, body.slice(bodyStart, bodyEnd), shared);
    if (cell.text.length > limits.maxCellLength)
      throw refuse(
        `セルの文字数が多すぎます（上限 ${limits.maxCellLength} 文字）`,
        `A cell is too long (at most ${limits.maxCellLength} characters)`,
      );
    while (cells.length < col) cells.push({ text: '', formula: false });
    cells[col] = cell;
    at = openTag(body, 'c', next);
  }
  return cells;
}

function cellValue(t: string | undefined, body: string, shared: string[]): ImportCell {
  const type = t !== undefined && /^\w+$/.test(t) ? t : 'n';
  const formula = body !== '' && openTag(body, 'f', 0) >= 0;
  const v = body === '' ? undefined : inner(body, 'v');
  let text = '';
  if (type === 's') text = shared[Number(v)] ?? '';
  else if (type === 'inlineStr') text = runText(inner(body, 'is') ?? '');
  else if (type === 'b') text = v === '1' ? 'TRUE' : v === undefined ? '' : 'FALSE';
  else text = v === undefined ? '' : xmlText(v);
  return { text, formula };
}

/** The template's own label in the workbook's properties: which ministry and year it was made for. */
function templateMeta(core: string): XlsxRead['meta'] {
  const subject = xmlText(inner(core, 'dc:subject') ?? '');
  if (!subject.startsWith('tracker-template')) return { ministryId: null, fy: null };
  const ministry = /\bministry=([a-z0-9_]+)/.exec(subject)?.[1] ?? null;
  const fy = /\bfy=(\d{4})/.exec(subject)?.[1];
  return { ministryId: ministry, fy: fy ? Number(fy) : null };
}

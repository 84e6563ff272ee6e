import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ImportCell } from '@/domain/annual';
import { readXlsx } from './xlsx-read';

/**
 * The reader scans the sheet with indexOf; it must read exactly what the regular expressions it
 * replaced read. `oracle*` below are those expressions, kept here as the reference.
 */

const LIMITS = { maxRows: 1000, maxColumns: 60, maxCellLength: 20_000 };

/** XML text as the old reader undid it: OOXML's _xHHHH_ escapes, then entities. */
function xmlText(s: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_m, e: string) =>
      e in named ? named[e]! : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
    );
}

function oracleRunText(xml: string): string {
  const visible = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of visible.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += xmlText(m[1] ?? '');
  return out;
}

function oracleColumn(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function oracleRows(xml: string, shared: string[]): { row: number; cells: ImportCell[] }[] {
  const out: { row: number; cells: ImportCell[] }[] = [];
  let seq = 0;
  for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    seq++;
    const rowNumber = Number(/\br="(\d+)"/.exec(rm[1] ?? '')?.[1] ?? seq);
    seq = rowNumber;
    const cells: ImportCell[] = [];
    let col = -1;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1] ?? '';
      const body = cm[2] ?? '';
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs)?.[1];
      col = ref ? oracleColumn(ref) : col + 1;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let text = '';
      if (type === 's') text = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') text = oracleRunText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (type === 'b') text = v === '1' ? 'TRUE' : v === undefined ? '' : 'FALSE';
      else text = v === undefined ? '' : xmlText(v);
      while (cells.length < col) cells.push({ text: '', formula: false });
      cells[col] = { text, formula: /<f\b/.test(body) };
    }
    out.push({ row: rowNumber, cells });
  }
  return out;
}

const oracleShared = (xml: string) =>
  [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) => oracleRunText(m[1] ?? ''));

function workbook(sheet: string, shared: string | null, parts: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  if (shared !== null) files['xl/sharedStrings.xml'] = strToU8(shared);
  for (const [name, text] of Object.entries(parts)) files[name] = strToU8(text);
  return zipSync(files);
}

const read = (sheet: string, shared: string | null = null) => {
  const t = readXlsx(workbook(sheet, shared), LIMITS);
  return [{ row: 0, cells: t.header.map((text) => ({ text })) }, ...t.rows];
};
const expected = (sheet: string, shared: string | null = null) => {
  const rows = oracleRows(sheet, oracleShared(shared ?? ''));
  const [header, ...data] = rows;
  return [{ row: 0, cells: (header?.cells ?? []).map((c) => ({ text: c.text })) }, ...data];
};

// Text that exercises entities, _xHHHH_ escapes, CJK and markup-like characters (escaped).
const text = fc
  .array(
    fc.constantFrom('a', 'Z', '0', ' ', '施策', '①', '&amp;', '&lt;', '&#x41;', '&#12354;', '_x000D_', '\n', '"'),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(''));

const cellXml = fc
  .record({
    ref: fc.option(fc.tuple(fc.constantFrom('A', 'B', 'C', 'H', 'Z', 'AA', 'a'), fc.option(fc.nat(99))), {
      nil: undefined,
    }),
    kind: fc.constantFrom('s', 'n', 'str', 'inlineStr', 'b', 'self', 'empty', 'weird'),
    value: text,
    shared: fc.nat(5),
    formula: fc.boolean(),
    styled: fc.boolean(),
  })
  .map(({ ref, kind, value, shared, formula, styled }) => {
    const r = ref ? ` r="${ref[0]}${ref[1] ?? ''}"` : '';
    const s = styled ? ' s="1" customFormat="1"' : '';
    const f = formula ? '<f>SUM(A1:A2)</f>' : '';
    switch (kind) {
      case 's':
        return `<c${r}${s} t="s">${f}<v>${shared}</v></c>`;
      case 'inlineStr':
        return `<c${r} t="inlineStr">${f}<is><r><rPr><b/></rPr><t>${value}</t></r><r><t xml:space="preserve"> ${value}</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>`;
      case 'b':
        return `<c${r} t="b"><v>${shared % 2}</v></c>`;
      case 'self':
        return `<c${r}${s}/>`;
      case 'empty':
        return `<c${r} t="s"></c>`;
      case 'weird':
        return `<c${r} t="x-y"><v>${value}</v></c>`;
      default:
        return `<c${r}${s}${kind === 'str' ? ' t="str"' : ''}>${f}<v>${value}</v></c>`;
    }
  });

const rowXml = fc
  .record({
    r: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
    cells: fc.array(cellXml, { maxLength: 8 }),
  })
  .map(({ r, cells }) => {
    const attr = r === undefined ? '' : ` r="${r}"`;
    return cells.length ? `<row${attr} spans="1:8">${cells.join('')}</row>` : `<row${attr}/>`;
  });

const sharedXml = fc
  .array(
    fc.oneof(
      text.map((t) => `<si><t>${t}</t></si>`),
      text.map((t) => `<si><r><t>${t}</t></r><r><rPr><sz val="11"/><family val="2"/></rPr><t>${t}</t></r></si>`),
      text.map((t) => `<si><t xml:space="preserve">${t}</t><rPh sb="0" eb="1"><t>よみ</t></rPh></si>`),
    ),
    { minLength: 6, maxLength: 6 },
  )
  .map((items) => `<sst count="${items.length}">${items.join('')}</sst>`);

describe('XLSX reader', () => {
  it('reads every generated sheet exactly as the regular-expression reader did', () => {
    fc.assert(
      fc.property(fc.array(rowXml, { minLength: 1, maxLength: 12 }), sharedXml, (rows, shared) => {
        const sheet = `<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`;
        expect(read(sheet, shared)).toEqual(expected(sheet, shared));
      }),
      { numRuns: 300 },
    );
  });

  it('reads inline and shared strings without ふりがな, formulas flagged, entities and _xHHHH_ undone', () => {
    const shared = '<sst><si><t>状況</t><rPh sb="0" eb="2"><t>じょうきょう</t></rPh></si><si><t>a&amp;b</t></si></sst>';
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>x_x000D_y</t></is></c><c r="B3"><f>1+1</f><v>2</v></c><c t="b"><v>1</v></c></row>' +
      '</sheetData></worksheet>';
    const t = readXlsx(workbook(sheet, shared), LIMITS);
    expect(t.header).toEqual(['状況', '', 'a&b']);
    expect(t.rows).toEqual([
      {
        row: 3,
        cells: [
          { text: 'x\ry', formula: false },
          { text: '2', formula: true },
          { text: 'TRUE', formula: false },
        ],
      },
    ]);
  });

  it('refuses past its limits', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c><v>1</v></c></row>`).join('');
    const sheet = (body: string) => `<worksheet><sheetData>${body}</sheetData></worksheet>`;
    expect(() => readXlsx(workbook(sheet(rows(3)), null), { ...LIMITS, maxRows: 1 })).toThrow(/Too many rows/);
    expect(() => readXlsx(workbook(sheet('<row><c r="BI1"><v>1</v></c></row>'), null), LIMITS)).toThrow(
      /Too many columns/,
    );
    expect(() =>
      readXlsx(workbook(sheet(`<row><c t="str"><v>${'x'.repeat(30)}</v></c></row>`), null), {
        ...LIMITS,
        maxCellLength: 20,
      }),
    ).toThrow(/too long/);
  });

  it('finds the first sheet through the workbook’s relationships, prefixed or not, and the template’s label', () => {
    const data = '<worksheet><sheetData><row><c t="inlineStr"><is><t>data</t></is></c></row></sheetData></worksheet>';
    const xlsx = workbook('<worksheet/>', null, {
      'xl/workbook.xml':
        '<x:workbook><x:sheets><x:sheet name="a" sheetId="1"/><x:sheet name="b" sheetId="2" r:id="rId7"/></x:sheets></x:workbook>',
      'xl/_rels/workbook.xml.rels':
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Type="x" Id="rId7" Target="/xl/worksheets/data.xml"/></Relationships>',
      'xl/worksheets/data.xml': data,
      'docProps/core.xml':
        '<cp:coreProperties><dc:subject>tracker-template ministry=npa fy=2016 at=x</dc:subject></cp:coreProperties>',
    });
    const read = readXlsx(xlsx, LIMITS);
    expect(read.header).toEqual(['data']);
    expect(read.meta).toEqual({ ministryId: 'npa', fy: 2016 });
  });
});

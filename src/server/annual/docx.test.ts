import fc from 'fast-check';
import { Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { tableXml, type CellContent } from './docx';

/**
 * The annual report's tables are written as WordprocessingML directly (5,000 measures as docx
 * objects took seconds); they must be what the docx library writes for the same table. The
 * `oracle` below builds the table with docx's own classes, as the renderer did before.
 */

const CONTENT_WIDTH = 11906 - 2 * 1021;

function oracleCell(content: CellContent, width: number, header: boolean): TableCell {
  const paragraphs =
    typeof content === 'string'
      ? content
          .split(/\r?\n/)
          .map((line) => new Paragraph({ children: [new TextRun({ text: line, ...(header ? { bold: true } : {}) })] }))
      : content.map(
          (runs) =>
            new Paragraph({
              children: runs.map((r) => new TextRun(r.bold === undefined ? { text: r.text } : r)),
            }),
        );
  return new TableCell({
    width: { size: Math.round((CONTENT_WIDTH * width) / 100), type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
    children: paragraphs.length ? paragraphs : [new Paragraph('')],
  });
}

async function oracle(header: string[], rows: CellContent[][], widths: number[]): Promise<string> {
  const w = (i: number) => widths[i] ?? 100 / header.length;
  const table = new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: header.map((_h, i) => Math.round((CONTENT_WIDTH * w(i)) / 100)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => oracleCell(h, w(i), true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => oracleCell(c, w(i), false)) })),
    ],
  });
  const doc = new Document({ sections: [{ children: [table] }] });
  const xml = new TextDecoder().decode(unzipSync(new Uint8Array(await Packer.toBuffer(doc)))['word/document.xml']);
  return xml.slice(xml.indexOf('<w:tbl>'), xml.lastIndexOf('</w:tbl>') + '</w:tbl>'.length);
}

const text = fc.string({
  unit: fc.constantFrom('a', ' ', '施', '①', '&', '<', '>', '"', "'", '\n', '\r\n', '\t', '\u0001', '\u001f', '{1}'),
  maxLength: 8,
});
const runs = fc.array(fc.record({ text, bold: fc.constantFrom(true, false, undefined) }, { requiredKeys: ['text'] }), {
  maxLength: 3,
});
const content: fc.Arbitrary<CellContent> = fc.oneof(text, fc.array(runs, { maxLength: 3 }));

describe('Word tables written directly', () => {
  it('are the markup the docx library writes for the same table', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 6 })
          .chain((n) =>
            fc.tuple(
              fc.array(text, { minLength: n, maxLength: n }),
              fc.array(fc.array(content, { minLength: n, maxLength: n }), { maxLength: 4 }),
              fc.array(fc.integer({ min: 5, max: 40 }), { maxLength: n }),
            ),
          ),
        async ([header, rows, widths]) => {
          expect(tableXml(header, rows, widths)).toBe(await oracle(header, rows, widths));
        },
      ),
      { numRuns: 40 },
    );
  });
});

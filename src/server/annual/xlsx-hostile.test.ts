import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx, XLSX_CAPS } from './xlsx-read';
import { XlsxRefused } from './xlsx-xml';
import { unclosedRowsXlsx } from './zip-testing';

/**
 * Files built to hurt the reader (issue 17): each is refused with a Japanese and English message,
 * and the reader's work is bounded — asserted on how far it read and on its caps, never on time.
 */

const LIMITS = { maxRows: 1000, maxColumns: 60, maxCellLength: 20_000 };
const sheetOf = (rows: string) => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

function workbook(sheet: string, shared?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" sheetId="1"/></sheets></workbook>'),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  };
  if (shared !== undefined) files['xl/sharedStrings.xml'] = strToU8(shared);
  return zipSync(files);
}

/** The refusal readXlsx throws for `file` (fails the test if it reads the file instead). */
function refusal(file: Uint8Array, limits: Parameters<typeof readXlsx>[1] = LIMITS): XlsxRefused {
  try {
    readXlsx(file, limits);
  } catch (error) {
    if (error instanceof XlsxRefused) return error;
    throw error;
  }
  throw new Error('the file was read, not refused');
}

const BILINGUAL = /[ぁ-んァ-ン一-龥].* \/ [A-Z]/;

describe('XLSX reader against hostile files', () => {
  it('refuses the quadratic sheet of unclosed <row x="…" tags at its first tag, not after scanning it all', () => {
    const file = unclosedRowsXlsx(2_000_000);
    const e = refusal(file);
    expect(e.message).toMatch(BILINGUAL);
    expect(e.message).toMatch(/malformed/);
    // The old scanner searched to the end of the 2 MB sheet for every one of its ~75,000 tags.
    expect(e.at).not.toBeNull();
    expect(e.at!).toBeLessThan(100);
  });

  it.each([
    ['a shared string', sheetOf('<row><c t="s"><v>0</v></c></row>'), '<sst><si><t>a&#x110000;b</t></si></sst>'],
    ['a cell value', sheetOf('<row><c t="str"><v>&#x110000;</v></c></row>'), undefined],
    ['an inline string', sheetOf('<row><c t="inlineStr"><is><t>&#1114112;</t></is></c></row>'), undefined],
    ['a NUL reference', sheetOf('<row><c t="str"><v>&#0;</v></c></row>'), undefined],
    ['a lone surrogate', sheetOf('<row><c t="str"><v>&#xD800;</v></c></row>'), undefined],
    ['an undefined entity', sheetOf('<row><c t="str"><v>&nbsp;</v></c></row>'), undefined],
    ['an attribute', sheetOf('<row r="&#x110000;"/>'), undefined],
  ])('refuses an invalid character reference or entity in %s with a clear message', (_what, sheet, shared) => {
    expect(refusal(workbook(sheet, shared)).message).toMatch(BILINGUAL);
  });

  it('refuses a DOCTYPE (no entity expansion, no billion laughs)', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      sheetOf('<row><c t="str"><v>&lol2;</v></c></row>');
    expect(refusal(workbook(laughs)).message).toMatch(/DOCTYPE/);
  });

  it('refuses bytes that are not UTF-8 as a damaged file', () => {
    const files = {
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x2f, 0x3e]),
    };
    expect(refusal(zipSync(files)).message).toMatch(/damaged/);
  });

  it('stops counting shared strings at the cap (1.8M of them held ~180 MB)', () => {
    const items = Array.from({ length: XLSX_CAPS.maxSharedStrings + 1 }, (_, i) => `<si><t>${i}</t></si>`);
    const many = `<sst>${items.join('')}</sst>`; // varied, so the compression-ratio guard lets it through
    const e = refusal(workbook(sheetOf(''), many));
    expect(e.message).toMatch(/Too many shared strings \(at most 300000\)/);
    expect(e.at!).toBeLessThan(many.length); // refused on the first string past the cap, not at the end
  });

  it('caps the total length of the shared strings and the number of cells', () => {
    const shared = `<sst>${'<si><t>0123456789</t></si>'.repeat(20)}</sst>`;
    expect(refusal(workbook(sheetOf(''), shared), { ...LIMITS, maxSharedChars: 150 }).message).toMatch(
      /shared strings are too long in total \(at most 150/,
    );
    // The same column again and again: rows × columns is no bound on cells.
    const cells = sheetOf(`<row>${'<c r="A1"/>'.repeat(101)}</row>`);
    expect(refusal(workbook(cells), { ...LIMITS, maxCells: 100 }).message).toMatch(/Too many cells \(at most 100\)/);
  });

  it('caps one cell’s text while reading it, before it is joined', () => {
    const long = sheetOf(`<row><c t="inlineStr"><is>${'<r><t>xxxxxxxxxx</t></r>'.repeat(5)}</is></c></row>`);
    expect(refusal(workbook(long), { ...LIMITS, maxCellLength: 30 }).message).toMatch(/too long \(at most 30/);
  });

  it('refuses deep nesting and an unclosed sheet as malformed, with where it broke', () => {
    expect(refusal(workbook(`<worksheet>${'<row>'.repeat(50_000)}`)).message).toMatch(/sheet1\.xml 1:\d+/);
    expect(refusal(workbook('<worksheet><sheetData><row></sheetData></worksheet>')).message).toMatch(BILINGUAL);
  });
});

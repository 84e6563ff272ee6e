import { describe, expect, it } from 'vitest';
import { parseStatus } from './annual-export';
import { mapHeader, parseProgress } from './annual-import';
import { kanaNumber } from './annual-plan';
import { csvCell, parseCsv, toCsv, unneutralise } from './csv';

describe('reading template cells', () => {
  it.each([
    ['50', 50],
    ['５０', 50],
    ['100%', 100],
    ['0', 0],
    ['40.0', 40],
    ['101', null],
    ['-1', null],
    ['4.5', null],
    ['', null],
    ['abc', null],
  ])('progress %j → %j', (text, expected) => expect(parseProgress(text)).toBe(expected));

  it.each([
    ['実施中', 'in_progress'],
    ['completed', 'completed'],
    ['Not started', 'not_started'],
    [' 中止 ', 'suspended'],
    ['対応中', null],
  ])('status %j → %j', (text, expected) => expect(parseStatus(text)).toBe(expected));

  it('finds columns by the bilingual header, either language or the key', () => {
    const cols = mapHeader(['状況 / Status', 'Progress (%)', 'measureId', '版（編集不可）', 'unknown']);
    expect(Object.fromEntries(cols)).toEqual({ status: 0, progress: 1, measureId: 2, version: 3 });
  });

  it('numbers measures アイウ… within an item, and by number past ン', () => {
    expect([1, 2, 46, 47].map(kanaNumber)).toEqual(['（ア）', '（イ）', '（ン）', '（47）']);
  });
});

describe('CSV', () => {
  it('neutralises formula starts and undoes it on reading, so a round trip is exact', () => {
    const cells = ['=1+1', '+81', '-x', '@SUM', '\tx', 'plain', 'a,"b"\r\nc', "'quoted"];
    const text = toCsv([cells]);
    expect(text).toBe(`'=1+1,'+81,'-x,'@SUM,'\tx,plain,"a,""b""\r\nc",'quoted\r\n`);
    const parsed = parseCsv(text, { maxRows: 10, maxColumns: 10, maxCellLength: 100 });
    expect(parsed.ok && parsed.rows[0]!.map(unneutralise)).toEqual(cells);
    expect(csvCell(null)).toBe('');
  });

  it('refuses past its limits and an unclosed quote', () => {
    const limits = { maxRows: 2, maxColumns: 3, maxCellLength: 5 };
    expect(parseCsv('a\r\nb\r\nc\r\nd\r\n', limits)).toMatchObject({ ok: false, message: /Too many rows/ });
    expect(parseCsv('a,b,c,d\r\n', limits)).toMatchObject({ ok: false, message: /Too many columns/ });
    expect(parseCsv('abcdefg\r\n', limits)).toMatchObject({ ok: false, message: /too long/ });
    expect(parseCsv('"abc\r\n', limits)).toMatchObject({ ok: false, message: /not closed/ });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE, inflateEntry, readCentralDirectory, XLSX_ZIP_LIMITS, ZipRefused } from './zip';
import { buildZip, deflatedFiller, zipBomb } from './zip-testing';
import { readXlsx } from './xlsx-read';

const LIMITS = { maxRows: 100, maxColumns: 20, maxCellLength: 1000 };

function measure<T>(fn: () => T): { ms: number; extraMb: number; result: T | Error } {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const t = performance.now();
  let result: T | Error;
  try {
    result = fn();
  } catch (error) {
    result = error as Error;
  }
  return { ms: performance.now() - t, extraMb: (process.memoryUsage().rss - before) / 2 ** 20, result };
}

describe('zip reader (decision record 007)', () => {
  it('refuses a bomb that declares its size from the central directory, before inflating anything', () => {
    const bomb = zipBomb(1024, true); // 1 GiB of sheet in ~1 MiB
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const run = measure(() => readXlsx(bomb, LIMITS));
    expect(run.result).toBeInstanceOf(ZipRefused);
    expect((run.result as Error).message).toMatch(/圧縮爆弾.*zip bomb/);
    console.log(`honest zip bomb refused in ${run.ms.toFixed(1)} ms, +${run.extraMb.toFixed(1)} MB rss`);
  });

  it('stops a bomb that lies about its size as soon as the output passes what it declared', () => {
    const bomb = zipBomb(1024, false);
    expect(() => readCentralDirectory(bomb)).not.toThrow(); // the directory alone looks harmless
    const run = measure(() => readXlsx(bomb, LIMITS));
    expect(run.result).toBeInstanceOf(ZipRefused);
    expect(run.ms).toBeLessThan(5000); // generous for CI; the benchmark prints the real figure
    console.log(`lying zip bomb refused in ${run.ms.toFixed(1)} ms, +${run.extraMb.toFixed(1)} MB rss`);
  });

  it('refuses an excessive compression ratio even when the size is within the limit', () => {
    const zip = buildZip([
      { name: 'xl/worksheets/sheet1.xml', deflated: deflatedFiller(8), declaredSize: 8 * 1024 * 1024 },
    ]);
    expect(() => readCentralDirectory(zip)).toThrow(ZipRefused);
  });

  it('refuses what is not a zip, and entries pointing outside the file', () => {
    expect(() => readCentralDirectory(new TextEncoder().encode('measureId,status\r\n'))).toThrow(/XLSX/);
    const zip = buildZip([{ name: 'a', deflated: new Uint8Array(10), declaredSize: 10, compressedSize: 10_000 }]);
    expect(() => readCentralDirectory(zip)).toThrow(/damaged/);
  });

  it('inflates an honest entry exactly', () => {
    const zip = buildZip([{ name: 'a.xml', deflated: deflatedFiller(1), declaredSize: 1024 * 1024 }]);
    const [entry] = readCentralDirectory(zip);
    const out = inflateEntry(zip, entry!, { remaining: 10 * 1024 * 1024 });
    expect(out.length).toBe(1024 * 1024);
    expect(out.every((b) => b === 0x20)).toBe(true);
  });
});

describe.each(['zlib', 'fflate'] as const)('inflating with %s (the server uses zlib, a browser fflate)', (engine) => {
  // Spaces compress about 1000:1; these tests are about inflating, not about the ratio check.
  const lenient = { ...XLSX_ZIP_LIMITS, maxRatio: 5000 };

  it('stops an entry that inflates past its declared size, and one past the budget', () => {
    const bomb = zipBomb(64, false);
    const sheet = readCentralDirectory(bomb).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const run = measure(() => inflateEntry(bomb, sheet, { remaining: 80 * 1024 * 1024 }, engine));
    expect(run.result).toBeInstanceOf(ZipRefused);
    expect((run.result as Error).message).toMatch(/zip bomb/);
    const zip = buildZip([{ name: 'a.xml', deflated: deflatedFiller(2), declaredSize: 2 * 1024 * 1024 }]);
    const [entry] = readCentralDirectory(zip, lenient);
    expect(() => inflateEntry(zip, entry!, { remaining: 1024 * 1024 }, engine)).toThrow(ZipRefused);
  });

  it('inflates an honest entry exactly and charges the budget', () => {
    const zip = buildZip([{ name: 'a.xml', deflated: deflatedFiller(3), declaredSize: 3 * 1024 * 1024 }]);
    const [entry] = readCentralDirectory(zip, lenient);
    const budget = { remaining: 10 * 1024 * 1024 };
    const out = inflateEntry(zip, entry!, budget, engine);
    expect(out.length).toBe(3 * 1024 * 1024);
    expect(out.every((b) => b === 0x20)).toBe(true);
    expect(budget.remaining).toBe(7 * 1024 * 1024);
  });

  it('throws on a truncated stream (readXlsx reports it as damaged)', () => {
    const whole = deflatedFiller(1);
    const zip = buildZip([{ name: 'a.xml', deflated: whole.subarray(0, 100), declaredSize: 1024 * 1024 }]);
    const [entry] = readCentralDirectory(zip);
    expect(() => inflateEntry(zip, entry!, { remaining: 10 * 1024 * 1024 }, engine)).toThrow();
  });
});

it('uses Node’s zlib on the server', () => expect(DEFAULT_ENGINE).toBe('zlib'));

import { IMPORT_LIMITS, type ImportTable } from '../../domain/annual-import';
import { parseCsv, unneutralise } from '../../domain/csv';
import { decodeCsv, EncodingRefused } from './encoding';
import { readXlsx } from './xlsx-read';
import { ZipRefused } from './zip';

/**
 * An uploaded file read into a table: XLSX (zip signature) or CSV in UTF-8 or Shift_JIS, within
 * limits. Runs in a worker thread on the server (upload-pool.ts) and in the page in the browser
 * mock, so the outcome is plain data: a table, or the bilingual reason the file was refused.
 */

export type ParsedUpload = {
  table: ImportTable;
  format: 'csv' | 'xlsx';
  encoding: 'utf8' | 'sjis' | 'xlsx';
  ministryId: string | null;
};
export type UploadOutcome = { ok: true; parsed: ParsedUpload } | { ok: false; message: string };
export type UploadParser = (bytes: Uint8Array) => Promise<UploadOutcome>;

/**
 * Never throws: a file is the only input, so anything that goes wrong reading it — including a
 * parser bug a hostile file found — is the file's refusal, a 4xx, not a 500.
 */
export function parseUpload(bytes: Uint8Array): UploadOutcome {
  try {
    return { ok: true, parsed: isZip(bytes) ? xlsx(bytes) : csv(bytes) };
  } catch (error) {
    if (error instanceof ZipRefused || error instanceof EncodingRefused || error instanceof CsvRefused)
      return { ok: false, message: error.message };
    return { ok: false, message: 'ファイルを読み取れません / The file could not be read' };
  }
}

/** The same, on the calling thread (the browser mock, tests): no worker there. */
export const parseUploadHere: UploadParser = (bytes) => Promise.resolve(parseUpload(bytes));

class CsvRefused extends Error {}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function xlsx(bytes: Uint8Array): ParsedUpload {
  const x = readXlsx(bytes, IMPORT_LIMITS);
  return { table: { header: x.header, rows: x.rows }, format: 'xlsx', encoding: 'xlsx', ministryId: x.meta.ministryId };
}

function csv(bytes: Uint8Array): ParsedUpload {
  const { text, encoding } = decodeCsv(bytes);
  const parsed = parseCsv(text, IMPORT_LIMITS);
  if (!parsed.ok) throw new CsvRefused(parsed.message);
  const [header = [], ...rows] = parsed.rows;
  return {
    format: 'csv',
    encoding,
    ministryId: null,
    table: {
      header,
      // A CSV has no formulas, but a cell that starts like one was not written by the template: refused.
      rows: rows.map((cells, i) => ({
        row: i + 2,
        cells: cells.map((raw) => ({ text: unneutralise(raw), formula: /^[=+@]/.test(raw) })),
      })),
    },
  };
}

import { IMPORT_LIMITS, type ImportTable } from '@/domain/annual';
import { parseCsv, unneutralise } from '@/domain/annual';
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
export type UploadOutcome =
  { ok: true; parsed: ParsedUpload; fileName: string } | { ok: false; message: string; missingFile?: true };
/** The request body as received (multipart/form-data) and its Content-Type. */
export type UploadRequest = { body: Uint8Array<ArrayBuffer>; contentType: string };
export type UploadParser = (request: UploadRequest) => Promise<UploadOutcome>;

/**
 * Never throws: a file is the only input, so anything that goes wrong reading it — including a
 * parser bug a hostile file found — is the file's refusal, a 4xx, not a 500.
 */
export function parseUpload(bytes: Uint8Array): { ok: true; parsed: ParsedUpload } | { ok: false; message: string } {
  try {
    return { ok: true, parsed: isZip(bytes) ? xlsx(bytes) : csv(bytes) };
  } catch (error) {
    if (error instanceof ZipRefused || error instanceof EncodingRefused || error instanceof CsvRefused)
      return { ok: false, message: error.message };
    return { ok: false, message: 'ファイルを読み取れません / The file could not be read' };
  }
}

/**
 * The multipart body too is parsed here, not on the request thread: for a 1.7 MB upload that alone
 * held the event loop 5–65 ms. The field is `file`.
 */
export async function parseUploadRequest({ body, contentType }: UploadRequest): Promise<UploadOutcome> {
  let file: unknown;
  try {
    file = (await new Response(body, { headers: { 'content-type': contentType } }).formData()).get('file');
  } catch {
    return { ok: false, message: '送信内容を読み取れません / The upload could not be read' };
  }
  if (!(file instanceof File))
    return { ok: false, missingFile: true, message: 'ファイル（file）がありません / The "file" field is missing' };
  const outcome = parseUpload(new Uint8Array(await file.arrayBuffer()));
  return outcome.ok ? { ...outcome, fileName: file.name } : outcome;
}

/** The same, on the calling thread (the browser mock, tests): no worker there. */
export const parseUploadHere: UploadParser = parseUploadRequest;

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

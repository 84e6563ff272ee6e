import { nodeHasher } from '../auth/passwords';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorld } from '../../../tests/support/world';
import { createApp } from '../app';
import { Busy } from '../limiter';
import { signIn } from '../testing';
import { createUploadPool } from './upload-pool';
import { parseUpload, type UploadRequest } from './upload-parse';
import { unclosedRowsXlsx } from './zip-testing';

/** The worker pool that reads uploads off the request thread (issue 17): real worker threads. */

const xlsx = (sheet: string) =>
  zipSync({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" sheetId="1"/></sheets></workbook>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`),
  });
const small = xlsx('<row><c t="inlineStr"><is><t>施策コード</t></is></c></row><row><c><v>1</v></c></row>');
/** 20,000 rows of 59 varied cells: a second or more of reading, past the cell cap at the end. */
const slow = xlsx(
  Array.from(
    { length: 20_000 },
    (_, r) => `<row>${Array.from({ length: 59 }, (_, c) => `<c><v>${r * 59 + c}</v></c>`).join('')}</row>`,
  ).join(''),
);

/** A file as the browser sends it: a multipart body with the field `file`. */
async function sent(file: Uint8Array, name = 'x.xlsx'): Promise<UploadRequest> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(file)]), name);
  const req = new Request('http://localhost/api/import', { method: 'POST', body: form });
  return { body: new Uint8Array(await req.arrayBuffer()), contentType: req.headers.get('content-type') ?? '' };
}
const readHere = (file: Uint8Array) => ({ ...parseUpload(file), fileName: 'x.xlsx' });

const pools: ReturnType<typeof createUploadPool>[] = [];
const pool = (o: Parameters<typeof createUploadPool>[0]) => {
  const p = createUploadPool(o);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('upload pool', () => {
  it('reads an upload in a worker thread exactly as on this thread, and keeps the worker', async () => {
    const p = pool({ size: 1 });
    expect(await p.parse(await sent(small))).toEqual(readHere(small));
    expect(await p.parse(await sent(small))).toEqual(readHere(small));
    expect(p.load()).toMatchObject({ workers: 1, terminated: 0 });
    const noFile = new FormData();
    noFile.set('other', 'x');
    const req = new Request('http://localhost/', { method: 'POST', body: noFile });
    const body = new Uint8Array(await req.arrayBuffer());
    expect(await p.parse({ body, contentType: req.headers.get('content-type') ?? '' })).toMatchObject({
      ok: false,
      missingFile: true,
    });
    expect(await p.parse({ body: body.subarray(0, 40), contentType: 'multipart/form-data; boundary=x' })).toEqual({
      ok: false,
      message: '送信内容を読み取れません / The upload could not be read',
    });
  });

  it('refuses the quadratic file and a &#x110000; cell in the worker, which stays up', async () => {
    const p = pool({ size: 1 });
    const hostile = await p.parse(await sent(unclosedRowsXlsx(2_000_000)));
    expect(hostile.ok || hostile.message).toMatch(/壊れています.* \/ .*malformed/);
    const badRef = await p.parse(await sent(xlsx('<row><c t="str"><v>&#x110000;</v></c></row>')));
    expect(badRef.ok || badRef.message).toMatch(/malformed character entity/);
    expect(p.load()).toMatchObject({ workers: 1, terminated: 0 });
  });

  it('terminates a worker past its time budget, refuses that file, and reads the next in a fresh worker', async () => {
    const p = pool({ size: 1, budgetMs: 200 });
    expect(await p.parse(await sent(slow))).toEqual({
      ok: false,
      message: 'ファイルの読み取りが制限時間（0.2 秒）を超えました / Reading the file took longer than allowed (0.2 s)',
    });
    expect(p.load().terminated).toBe(1);
    expect(await p.parse(await sent(small))).toEqual(readHere(small));
  });

  it('queues a few files and refuses the next with Busy at once', async () => {
    const p = pool({ size: 1, maxQueue: 1 });
    const [slowUpload, smallUpload] = [await sent(slow), await sent(small)];
    const first = p.parse(slowUpload);
    const second = p.parse(smallUpload);
    await expect(p.parse(smallUpload)).rejects.toBeInstanceOf(Busy);
    expect(p.load()).toMatchObject({ running: 1, waiting: 1 });
    await Promise.all([first, second]);
  });

  it('answers POST /api/import with 503 and Retry-After beyond the queue, and 422 for &#x110000;', async () => {
    const w = await createWorld();
    const p = pool({ size: 1, maxQueue: 0 });
    const app = createApp({ store: w.store, clock: w.clock, hasher: nodeHasher, uploads: p.parse });
    const s = await signIn(app, w.clock, 'staff');
    const post = (file: Uint8Array) => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(file)]), 'x.xlsx');
      return app.request('/api/import?dryRun=true', {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
        body: form,
      });
    };
    const first = post(slow);
    while (p.load().running === 0) await new Promise((r) => setTimeout(r, 5));
    const refused = await post(small);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/混み合って.* \/ .*busy/);
    expect((await first).status).toBe(422); // past the cell cap
    const bad = await post(xlsx('<row><c t="str"><v>&#x110000;</v></c></row>'));
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('file_refused');
  });
});

import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export type Downloaded = { name: string; bytes: Buffer; contentType: string; disposition: string };

/**
 * Clicks a download link as a user would and reads what the browser saved. Playwright shows no
 * response for a download, so the headers come from asking the link's address once more.
 */
export async function download(page: Page, link: Locator): Promise<Downloaded> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(await file.failure(), `download of ${file.url()}`).toBeNull();
  const bytes = readFileSync(await file.path());
  const again = await page.request.get(file.url());
  expect(again.status(), file.url()).toBe(200);
  const headers = again.headers();
  return {
    name: file.suggestedFilename(),
    bytes,
    contentType: headers['content-type'] ?? '',
    disposition: headers['content-disposition'] ?? '',
  };
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
export const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

/** The server counts pages the same way to number the report's contents. */
export { pdfPageCount } from '../../../src/server/annual/pdf-pages';

/** Names of the entries a zip's central directory lists (stored uncompressed). */
export function zipEntryNames(bytes: Buffer): string[] {
  const names: string[] = [];
  for (
    let i = bytes.indexOf('PK\u0001\u0002', 0, 'latin1');
    i >= 0;
    i = bytes.indexOf('PK\u0001\u0002', i + 4, 'latin1')
  ) {
    const nameLength = bytes.readUInt16LE(i + 28);
    names.push(bytes.subarray(i + 46, i + 46 + nameLength).toString('utf8'));
  }
  return names;
}

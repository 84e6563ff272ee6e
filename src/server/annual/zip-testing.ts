import { constants, deflateRawSync } from 'node:zlib';
import { Deflate, unzipSync, zipSync, strToU8 } from 'fflate';

/**
 * Zip archives for tests and the benchmark, including hostile ones: entries may declare sizes that
 * differ from what they really hold. Never used by the server.
 */
export type RawEntry = {
  name: string;
  deflated: Uint8Array;
  crc?: number;
  compressedSize?: number;
  declaredSize: number;
};

/** A zip whose central directory says whatever `declaredSize` says. */
export function buildZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, 8, true);
    lv.setUint32(14, e.crc ?? 0, true);
    lv.setUint32(18, e.deflated.length, true);
    lv.setUint32(22, e.declaredSize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, 8, true);
    cv.setUint32(16, e.crc ?? 0, true);
    cv.setUint32(20, e.compressedSize ?? e.deflated.length, true);
    cv.setUint32(24, e.declaredSize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, e.deflated);
    central.push(cd);
    offset += local.length + e.deflated.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  return concat([...chunks, ...central, eocd]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * `megabytes` MiB of spaces as one raw deflate stream, never held uncompressed: a fully flushed
 * (byte-aligned, dictionary-reset) 1 MiB block repeated, then an empty final block.
 */
export function deflatedFiller(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return concat([...Array.from({ length: megabytes }, () => new Uint8Array(block)), new Uint8Array([0x03, 0x00])]);
}

/** An XLSX-shaped zip bomb: the sheet expands to `megabytes`; `honest` decides what it declares. */
export function zipBomb(megabytes: number, honest: boolean): Uint8Array {
  const deflated = deflatedFiller(megabytes);
  const small = (s: string) => ({ name: s, deflated: deflateText('<x/>'), declaredSize: 4 });
  return buildZip([
    small('[Content_Types].xml'),
    {
      name: 'xl/workbook.xml',
      deflated: deflateText('<workbook><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>'),
      declaredSize: 67,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      deflated,
      declaredSize: honest ? Math.min(megabytes * 1024 * 1024, 0xfffffffe) : 2048,
    },
  ]);
}

function deflateText(s: string): Uint8Array {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (chunk) => parts.push(chunk));
  d.push(strToU8(s), true);
  return concat(parts);
}

/** Rewrites files inside a real XLSX (e.g. to plant a formula), keeping everything else. */
export function patchXlsx(xlsx: Uint8Array, patch: (files: Record<string, string>) => void): Uint8Array {
  const raw = unzipSync(xlsx);
  const text: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) text[k] = new TextDecoder().decode(v);
  patch(text);
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(text)) out[k] = strToU8(v);
  return zipSync(out);
}

/**
 * The hostile sheet of issue 17 as a minimal XLSX: `<row x="…" ` repeated to `chars` characters,
 * never closed, each with a random value so the file compresses too poorly for the ratio guard to
 * refuse it; a `>` at the very end. A reader that searches ahead for each tag's end is quadratic on it.
 */
export function unclosedRowsXlsx(chars: number, random: () => number = Math.random): Uint8Array {
  const parts = ['<worksheet><sheetData>'];
  for (let n = parts[0]!.length; n < chars;) {
    const tag = `<row x="${random().toString(36).slice(2)}" `;
    parts.push(tag);
    n += tag.length;
  }
  parts.push('></sheetData></worksheet>');
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" sheetId="1"/></sheets></workbook>'),
    'xl/worksheets/sheet1.xml': strToU8(parts.join('')),
  });
}

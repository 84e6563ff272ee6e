import type * as NodeZlibModule from 'node:zlib';
import { Inflate } from 'fflate';

/**
 * A defensive reader for the zip container of an XLSX (decision record 007). The central directory
 * is read and judged FIRST — entry count, declared sizes, compression ratio — before a single byte
 * is inflated; inflating then trusts none of it: output is capped at the declared size and the
 * global budget, in small steps, so a lying archive is stopped as soon as it overflows.
 */

export type ZipLimits = {
  maxEntries: number;
  /** Largest uncompressed size of one entry (declared or actual). */
  maxEntryBytes: number;
  /** Sum of the uncompressed sizes of all entries. */
  maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
};

export const XLSX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 500,
  maxEntryBytes: 40 * 1024 * 1024,
  maxTotalBytes: 80 * 1024 * 1024,
  maxRatio: 120,
  ratioFloorBytes: 1024 * 1024,
};

export class ZipRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipRefused';
  }
}

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  offset: number;
};

const refuse = (ja: string, en: string) => new ZipRefused(`${ja} / ${en}`);
const BOMB = [
  '展開後のサイズが大きすぎるため受け付けません（圧縮爆弾の疑い）',
  'Refused: the file expands to an excessive size (a possible zip bomb)',
] as const;

/** Reads and judges the central directory; throws ZipRefused before anything is inflated. */
export function readCentralDirectory(buf: Uint8Array, limits: ZipLimits = XLSX_ZIP_LIMITS): ZipEntry[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw refuse('XLSX（zip）として読めません', 'Not a readable XLSX (zip) file');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff)
    throw refuse('ZIP64 形式のファイルは受け付けません', 'ZIP64 archives are not accepted');
  if (count > limits.maxEntries)
    throw refuse(`ファイル内の要素が多すぎます（${count}）`, `Too many entries in the archive (${count})`);
  if (cdOffset + cdSize > buf.byteLength) throw refuse('ファイルが壊れています', 'The file is damaged');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.byteLength || view.getUint32(p, true) !== 0x02014b50)
      throw refuse('ファイルが壊れています', 'The file is damaged');
    const entry: ZipEntry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(buf.subarray(p + 46, p + 46 + view.getUint16(p + 28, true))),
    };
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (entry.flags & 1) throw refuse('暗号化されたファイルは受け付けません', 'Encrypted files are not accepted');
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff)
      throw refuse('ZIP64 形式のファイルは受け付けません', 'ZIP64 archives are not accepted');
    total += entry.size;
    const ratio = entry.size / Math.max(1, entry.compressedSize);
    if (entry.size > limits.maxEntryBytes || total > limits.maxTotalBytes) throw refuse(...BOMB);
    if (entry.size > limits.ratioFloorBytes && ratio > limits.maxRatio) throw refuse(...BOMB);
    if (entry.offset + entry.compressedSize > buf.byteLength)
      throw refuse('ファイルが壊れています', 'The file is damaged');
    entries.push(entry);
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  return -1;
}

/** Budget shared by every entry inflated from one archive. */
export type InflateBudget = { remaining: number };

type NodeZlib = typeof NodeZlibModule;
/**
 * Node's own zlib where there is one (the server); the browser mock of the API has none and uses
 * fflate. Looked up at run time so the module still loads in a browser.
 */
const nodeZlib = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:zlib') as NodeZlib | undefined;

export type InflateEngine = 'zlib' | 'fflate';
export const DEFAULT_ENGINE: InflateEngine = nodeZlib ? 'zlib' : 'fflate';

/**
 * Inflates one entry, never past its declared size nor the budget. With Node's zlib the output is
 * capped by `maxOutputLength`, checked after every 16 KiB of output; with fflate, compressed input
 * goes in 1 KiB steps, so no step can produce more than about a MiB before the cap is checked.
 */
export function inflateEntry(
  buf: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  engine: InflateEngine = DEFAULT_ENGINE,
): Uint8Array {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (view.getUint32(entry.offset, true) !== 0x04034b50) throw refuse('ファイルが壊れています', 'The file is damaged');
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  const data = buf.subarray(start, start + entry.compressedSize);
  const cap = Math.min(entry.size, budget.remaining);
  if (entry.method === 0) {
    if (data.length > cap) throw refuse(...BOMB);
    budget.remaining -= data.length;
    return data;
  }
  if (entry.method !== 8) throw refuse('対応していない圧縮形式です', 'Unsupported compression method');
  const out = engine === 'zlib' && nodeZlib ? inflateNode(nodeZlib, data, cap) : inflateSteps(data, cap);
  budget.remaining -= out.length;
  return out;
}

function inflateNode(zlib: NodeZlib, data: Uint8Array, cap: number): Uint8Array {
  let out: Buffer;
  try {
    // maxOutputLength must be at least 1; an entry that declares 0 bytes gets the check below.
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
  } catch (error) {
    if (error instanceof RangeError && (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw refuse(...BOMB);
    throw error;
  }
  if (out.length > cap) throw refuse(...BOMB);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

function inflateSteps(data: Uint8Array, cap: number): Uint8Array {
  const out = new Uint8Array(cap);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > cap) throw refuse(...BOMB);
    out.set(chunk, written);
    written += chunk.length;
  });
  const STEP = 1024; // at most ~1 MiB of output per step (deflate expands 1032:1 at most)
  for (let i = 0; i < data.length; i += STEP) inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  return out.subarray(0, written);
}

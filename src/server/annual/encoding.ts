import iconv from 'iconv-lite';

/**
 * CSV bytes in the two encodings ministries use: UTF-8 (with BOM, so Excel reads it) and Shift_JIS.
 * "Shift_JIS" is Windows-31J (cp932) in practice — what Excel writes, and the only one that has
 * ①–⑳ and the other NEC/IBM characters that the plan's texts use.
 */
export type CsvEncoding = 'utf8' | 'sjis';

export function encodeCsv(text: string, encoding: CsvEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'sjis') return new Uint8Array(iconv.encode(text, 'cp932'));
  return new TextEncoder().encode(`\uFEFF${text}`);
}

export class EncodingRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodingRefused';
  }
}

/** Detects UTF-8 (with or without BOM) or Shift_JIS; refuses anything else rather than guess. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0))
    throw new EncodingRefused(
      'UTF-16 などの形式は読めません。CSV（UTF-8 または Shift_JIS）で保存してください / UTF-16 and binary files cannot be read; save as CSV in UTF-8 or Shift_JIS',
    );
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf8' };
  } catch {
    // not UTF-8: try Shift_JIS below
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  if (text.includes('\uFFFD'))
    throw new EncodingRefused(
      '文字コードを判別できません。UTF-8 または Shift_JIS で保存してください / The encoding is not UTF-8 or Shift_JIS; save the file in one of them',
    );
  return { text, encoding: 'sjis' };
}

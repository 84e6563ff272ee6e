/**
 * The number of pages in a PDF that Chromium printed: its page objects (`/Type /Page`, not the
 * `/Type /Pages` tree nodes). Chromium writes these dictionaries uncompressed.
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ZipRefused } from './zip';

/**
 * One XML part of an XLSX, read by saxes (a streaming, well-formedness-checking parser: every
 * character is looked at once, so reading is linear in the part's size whatever it holds). Any
 * malformed markup — an unclosed tag, an invalid character reference such as `&#x110000;`, an
 * unknown entity, a DOCTYPE — refuses the file with a Japanese and English message (decision
 * record 007).
 */

export class XlsxRefused extends ZipRefused {
  constructor(
    message: string,
    /** How far into the part the reader got before refusing (characters), for tests and logs. */
    public at: number | null = null,
  ) {
    super(message);
    this.name = 'XlsxRefused';
  }
}

export const refuse = (ja: string, en: string, at: number | null = null) => new XlsxRefused(`${ja} / ${en}`, at);

export type XmlHandlers = {
  open?: (name: string, attrs: Record<string, string>) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
};

/** The name without its namespace prefix: `x:row` → `row` (some writers prefix every element). */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Streams `xml` through the handlers; element names arrive without prefix, attributes as written. */
export function readXml(part: string, xml: string, h: XmlHandlers): void {
  const parser = new SaxesParser<{ position: true; xmlns: false }>({ position: true, xmlns: false });
  const at = () => parser.position;
  parser.on('error', (e) => {
    const where = `${part} ${parser.line}:${parser.column}`;
    throw refuse(
      `ファイルの XML が壊れています（${where}）`,
      `The file's XML is malformed (${where}: ${e.message.replace(/^\d+:\d+: /, '')})`,
      at(),
    );
  });
  parser.on('doctype', () => {
    throw refuse('XML に DOCTYPE 宣言があるため受け付けません', 'Refused: the XML has a DOCTYPE declaration', at());
  });
  if (h.open) {
    const open = h.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(local(tag.name), tag.attributes));
  }
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag: SaxesTagPlain) => close(local(tag.name)));
  }
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof XlsxRefused) error.at ??= at(); // a cap refused by a handler
    throw error;
  }
}

/** OOXML's own escape for characters XML cannot carry: `_x000D_` → CR. Entities are saxes's job. */
export function ooxmlUnescape(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

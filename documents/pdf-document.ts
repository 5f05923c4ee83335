// What the French PDFs share: an A4 page set in the standard Helvetica font, written without
// compression and with fixed metadata, so the same document always gives the same bytes.
import PDFDocument from 'pdfkit';

export const pageMargin = 56;

// Helvetica encodes text in WinAnsi: French letters, «», €, ’, œ and • are in it; anything else
// would print as garbage, so it becomes "?".
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * `text` with every character Helvetica cannot print made "?". The minutes' PDF must stay the
 * rendering of their JSON byte for byte, so a renderer's own clean-up (`replacements`) never
 * changes for documents already signed.
 */
export function winAnsiText(text: string, replacements: Array<[RegExp, string]>): string {
  let clean = text.normalize('NFC');
  for (const [pattern, by] of replacements) clean = clean.replace(pattern, by);
  let out = '';
  for (const ch of clean) {
    const code = ch.codePointAt(0) ?? 0;
    const latin1 = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
    out += latin1 || winAnsiExtras.has(ch) || ch === '\n' ? ch : '?';
  }
  return out;
}

/** A new A4 document and the bytes it will have once `pdf.end()` is called. */
export function a4Document(info: PDFKit.DocumentInfo): { pdf: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: pageMargin, bottom: pageMargin, left: pageMargin, right: pageMargin },
    bufferPages: true,
    compress: false,
    lang: 'fr-FR',
    info,
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, bytes };
}

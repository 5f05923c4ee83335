// PAdES signatures of our PDFs, each an incremental update (ISO 32000-1 §7.5.6, §12.8): the
// signed revision keeps every byte of the one before, so earlier signatures stay valid and the
// first revision is still the document rendered from the minutes' JSON. A signature fills the
// signature field the document reserved for its signer (pdf-document.ts) with the CMS signature
// (cms-signature.ts) and a visible block naming the signer, their capacity and the time.
//
// The update is written by hand, for PDFs this engine wrote (pdfkit: uncompressed, classic
// cross-reference tables): the widget object is written again with its value and appearance,
// after new objects for the signature dictionary and the appearance. The appearance's text is
// set by pdfkit in a page of its own, whose content and fonts become the form XObject, so the
// block prints any name in the embedded DejaVu font, as PDF/A asks. @signpdf/signpdf computes
// the byte range and places the signature.
import { createHash } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import PDFDocument from 'pdfkit';
import { signatureFacts, verifyPadesSignature } from './cms-signature.ts';
import { documentFonts, printable, signatureFieldSize } from './pdf-document.ts';
import { certificateSha256 } from './signing-pki.ts';

/** Room for the CMS signature: the certificates, the timestamp token and its certificates. */
const signatureBytes = 24_576;

export class PdfSignatureError extends Error {
  override readonly name = 'PdfSignatureError';
}

interface PdfObject {
  id: number;
  /** The object's text between "N 0 obj" and "endobj", bytes as latin1. */
  body: string;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** A PDF text string in UTF-16BE hex, as any name needs. */
function textString(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return `<${utf16.toString('hex').toUpperCase()}>`;
}

/** D:YYYYMMDDHHmmSSZ */
function pdfDate(at: Date): string {
  const iso = at.toISOString();
  return `(D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z)`;
}

/** The last trailer of a file with classic cross-reference tables. */
function lastTrailer(pdf: string): { size: number; root: string; info: string | undefined; id: string | undefined; startxref: number } {
  const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(pdf);
  const trailerAt = pdf.lastIndexOf('trailer');
  if (!startxref || trailerAt < 0) throw new PdfSignatureError('the PDF has no classic trailer to add a revision to');
  const trailer = pdf.slice(trailerAt, pdf.lastIndexOf('startxref'));
  const size = /\/Size (\d+)/.exec(trailer);
  const root = /\/Root (\d+ \d+ R)/.exec(trailer);
  if (!size || !root) throw new PdfSignatureError('the PDF trailer names no /Size or /Root');
  return {
    size: Number(size[1]),
    root: root[1]!,
    info: /\/Info (\d+ \d+ R)/.exec(trailer)?.[1],
    id: /\/ID \[([^\]]*)\]/.exec(trailer)?.[1],
    startxref: Number(startxref[1]),
  };
}

/** The latest definition of the signature field named `name`. */
function fieldObject(pdf: string, name: string): PdfObject {
  const at = pdf.lastIndexOf(`/T (${name})`);
  if (at < 0) throw new PdfSignatureError(`the PDF has no signature field "${name}"`);
  const header = /(\d+) 0 obj\s*$/;
  const start = pdf.lastIndexOf(' 0 obj', at);
  const lineStart = pdf.lastIndexOf('\n', start) + 1;
  const match = header.exec(pdf.slice(lineStart, start + ' 0 obj'.length));
  const end = pdf.indexOf('endobj', at);
  if (!match || end < 0) throw new PdfSignatureError(`the signature field "${name}" cannot be read`);
  return { id: Number(match[1]), body: pdf.slice(start + ' 0 obj'.length, end) };
}

/** Every object of a PDF pdfkit wrote, by number, from its cross-reference table. */
function objectsOf(pdf: string): Map<number, string> {
  const { startxref } = lastTrailer(pdf);
  const table = /^xref\s+0 (\d+)\s+/.exec(pdf.slice(startxref));
  if (!table) throw new PdfSignatureError('the appearance PDF has no cross-reference table');
  const count = Number(table[1]);
  const entries = pdf.slice(startxref + table[0].length, startxref + table[0].length + 20 * count);
  const objects = new Map<number, string>();
  for (let id = 1; id < count; id++) {
    const offset = Number(entries.slice(20 * id, 20 * id + 10));
    const start = pdf.indexOf(' 0 obj', offset) + ' 0 obj'.length;
    objects.set(id, pdf.slice(start, pdf.indexOf('\nendobj', start)));
  }
  return objects;
}

const references = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

/** The dictionary part of an object (before its stream, if any). */
function dictionaryPart(body: string): { dictionary: string; stream: string | undefined } {
  const at = body.indexOf('\nstream\n');
  return at < 0 ? { dictionary: body, stream: undefined } : { dictionary: body.slice(0, at), stream: body.slice(at) };
}

/** The visible block as pdfkit sets it, on a page the size of the field. */
async function appearancePdf(lines: string[], size: { width: number; height: number }): Promise<string> {
  const fonts = documentFonts();
  const pdf = new PDFDocument({ size: [size.width, size.height], margin: 0, compress: false, font: fonts.regular as unknown as string, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  pdf.rect(0.25, 0.25, size.width - 0.5, size.height - 0.5).lineWidth(0.5).stroke('#1f3a93');
  pdf.registerFont('body', fonts.regular as unknown as string);
  pdf.registerFont('bold', fonts.bold as unknown as string);
  let y = 5;
  lines.forEach((line, i) => {
    pdf.font(i === 0 ? 'bold' : 'body').fontSize(i === 0 ? 8.5 : 7.5).fillColor('#000000')
      .text(printable(line), 6, y, { width: size.width - 12, lineBreak: false, ellipsis: true });
    y += i === 0 ? 11 : 10;
  });
  pdf.end();
  return latin1(await done);
}

/**
 * The appearance as objects numbered from `firstId`: its fonts and resources, and the form
 * XObject (the last one) that draws the block.
 */
async function appearanceObjects(lines: string[], size: { width: number; height: number }, firstId: number): Promise<{ objects: PdfObject[]; form: number }> {
  const objects = objectsOf(await appearancePdf(lines, size));
  const page = [...objects.entries()].find(([, body]) => /\/Type \/Page\n/.test(body));
  if (!page) throw new PdfSignatureError('the appearance has no page');
  const contents = /\/Contents (\d+) 0 R/.exec(page[1]);
  const resources = /\/Resources (\d+) 0 R/.exec(page[1]);
  if (!contents || !resources) throw new PdfSignatureError('the appearance page has no contents or resources');
  // The resources and everything they reach: the fonts, their descriptors, files and maps.
  const wanted: number[] = [];
  const queue = [Number(resources[1])];
  while (queue.length) {
    const id = queue.shift()!;
    if (wanted.includes(id)) continue;
    wanted.push(id);
    queue.push(...references(dictionaryPart(objects.get(id) ?? '').dictionary));
  }
  const renumbered = new Map(wanted.map((id, i) => [id, firstId + i]));
  const renumber = (text: string) => text.replace(/(\d+) 0 R/g, (all, id: string) => (renumbered.has(Number(id)) ? `${renumbered.get(Number(id))} 0 R` : all));
  const copied = wanted.map((id) => {
    const { dictionary, stream } = dictionaryPart(objects.get(id)!);
    return { id: renumbered.get(id)!, body: `\n${renumber(dictionary).trim()}${stream ?? ''}\n` };
  });
  const content = dictionaryPart(objects.get(Number(contents[1]))!).stream!;
  const data = content.slice('\nstream\n'.length, content.lastIndexOf('\nendstream'));
  const form = firstId + wanted.length;
  copied.push({
    id: form,
    body: `\n<<\n/Type /XObject\n/Subtype /Form\n/BBox [0 0 ${size.width} ${size.height}]\n/Resources ${renumbered.get(Number(resources[1]))} 0 R\n/Length ${data.length}\n>>\nstream\n${data}\nendstream\n`,
  });
  return { objects: copied, form };
}

export interface VisibleSignature {
  /** The signature field the document reserved. */
  field: string;
  signer: string;
  /** The capacity, e.g. "Président de la commission". */
  role: string;
  reason: string;
  location: string;
  signedAt: Date;
  /** Lines of the visible block, signer first. */
  lines: string[];
}

class CmsSigner extends Signer {
  constructor(private readonly cms: (signedBytes: Uint8Array) => Promise<Uint8Array>) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await this.cms(new Uint8Array(pdfBuffer)));
  }
}

/**
 * `pdf` with one more revision: the signature of `signature.field`, whose CMS `cms` makes over
 * the bytes the byte range covers.
 */
export async function signPdf(pdf: Uint8Array, signature: VisibleSignature, cms: (signedBytes: Uint8Array) => Promise<Uint8Array>): Promise<Buffer> {
  const text = latin1(pdf);
  const trailer = lastTrailer(text);
  const field = fieldObject(text, signature.field);
  if (/\/V \d+ 0 R/.test(field.body)) throw new PdfSignatureError(`the signature field "${signature.field}" is signed already`);
  const sigId = trailer.size;
  const appearance = await appearanceObjects(signature.lines, signatureFieldSize, sigId + 1);
  const sigDictionary = `\n<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.CAdES.detached\n`
    + `/ByteRange [0 /********** /********** /**********]\n/Contents <${'0'.repeat(signatureBytes * 2)}>\n`
    + `/M ${pdfDate(signature.signedAt)}\n/Name ${textString(signature.signer)}\n/Reason ${textString(signature.reason)}\n`
    + `/Location ${textString(signature.location)}\n/ContactInfo ${textString(signature.role)}\n>>\n`;
  const widget = `${field.body.trimEnd().replace(/\/AP\s*<<[\s\S]*?>>/, `/AP <<\n/N ${appearance.form} 0 R\n>>`).replace(/>>\s*$/, `/V ${sigId} 0 R\n>>`)}\n`;

  const objects: PdfObject[] = [{ id: field.id, body: widget.startsWith('\n') ? widget : `\n${widget}` }, { id: sigId, body: sigDictionary }, ...appearance.objects];
  let out = text.endsWith('\n') ? '' : '\n';
  const offsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.id, pdf.length + Buffer.byteLength(out, 'latin1'));
    out += `${object.id} 0 obj${object.body}endobj\n`;
  }
  const xrefAt = pdf.length + Buffer.byteLength(out, 'latin1');
  const ids = [...offsets.keys()].sort((a, b) => a - b);
  out += 'xref\n';
  for (let i = 0; i < ids.length;) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j++;
    out += `${ids[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) out += `${String(offsets.get(ids[k]!)).padStart(10, '0')} 00000 n \n`;
    i = j + 1;
  }
  const size = Math.max(trailer.size, ...ids.map((id) => id + 1));
  out += `trailer\n<<\n/Size ${size}\n/Root ${trailer.root}\n${trailer.info ? `/Info ${trailer.info}\n` : ''}${trailer.id ? `/ID [${trailer.id}]\n` : ''}/Prev ${trailer.startxref}\n>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const unsigned = Buffer.concat([Buffer.from(pdf), Buffer.from(out, 'latin1')]);
  return new SignPdf().sign(unsigned, new CmsSigner(cms));
}

export interface PdfSignatureEntry {
  /** The signature field's name. */
  field: string;
  byteRange: [number, number, number, number];
  /** The CMS signature (DER). */
  cms: Uint8Array;
  /** The bytes the byte range covers: what the CMS signs. */
  signedBytes: Uint8Array;
  /** Whether the byte range ends where the revision it signs ends (the signed revision's length). */
  revisionLength: number;
}

/** The length of the DER element at the start of `bytes` (the placeholder pads it with zeros). */
function derLength(bytes: Uint8Array): number {
  const first = bytes[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
  return 2 + count + length;
}

/** The signatures of a PDF, in the order they were made. */
export function pdfSignatures(pdf: Uint8Array): PdfSignatureEntry[] {
  const text = latin1(pdf);
  const entries: PdfSignatureEntry[] = [];
  for (const match of text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/g)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    const contents = Buffer.from(text.slice(range[1] + 1, range[2] - 1), 'hex');
    const signedBytes = Buffer.concat([Buffer.from(pdf.subarray(range[0], range[0] + range[1])), Buffer.from(pdf.subarray(range[2], range[2] + range[3]))]);
    const sigObject = text.lastIndexOf(' 0 obj', match.index);
    const sigId = /(\d+)$/.exec(text.slice(text.lastIndexOf('\n', sigObject) + 1, sigObject))?.[1];
    const widgetAt = sigId ? text.indexOf(`/V ${sigId} 0 R`) : -1;
    const widgetStart = widgetAt < 0 ? -1 : text.lastIndexOf(' 0 obj', widgetAt);
    const fieldName = widgetAt < 0 ? undefined : /\/T \(([^)]*)\)/.exec(text.slice(widgetStart, widgetAt))?.[1];
    entries.push({
      field: fieldName ?? '',
      byteRange: range,
      cms: new Uint8Array(contents.subarray(0, derLength(contents))),
      signedBytes: new Uint8Array(signedBytes),
      revisionLength: range[2] + range[3],
    });
  }
  return entries;
}

/**
 * What is wrong with `revision` as the signed revision of `base`: it must keep every byte of
 * `base`, add one signature that covers the whole file, verify with its certificate and carry a
 * timestamp. Empty when nothing is wrong. Whether the certificate is trusted is the reader's
 * validator's question (pdfsig, pyHanko, Adobe): it is not decided here.
 */
export async function verifyPdfRevision(base: Uint8Array, revision: Uint8Array, expected: { sha256?: string | undefined; certificateSha256?: string | undefined }): Promise<string[]> {
  const problems: string[] = [];
  const sha256 = createHash('sha256').update(revision).digest('hex');
  if (expected.sha256 && sha256 !== expected.sha256) problems.push(`the signed PDF's SHA-256 is ${sha256}, not the ${expected.sha256} recorded`);
  if (revision.length <= base.length || Buffer.compare(Buffer.from(revision.subarray(0, base.length)), Buffer.from(base)) !== 0) {
    problems.push('the signed PDF does not keep the PDF it signed byte for byte');
    return problems;
  }
  const signature = pdfSignatures(revision).at(-1);
  if (!signature || signature.byteRange[2] <= base.length) {
    problems.push('the signed PDF adds no signature');
    return problems;
  }
  if (signature.revisionLength !== revision.length) problems.push('the signature does not cover the whole signed PDF');
  if (!await verifyPadesSignature(signature.cms, signature.signedBytes)) problems.push('the PDF signature does not verify over the bytes it covers');
  const facts = signatureFacts(signature.cms);
  if (expected.certificateSha256 && certificateSha256(facts.certificate) !== expected.certificateSha256) problems.push('the PDF is signed with another certificate than the one recorded');
  if (!facts.timestamp) problems.push('the PDF signature carries no timestamp');
  return problems;
}

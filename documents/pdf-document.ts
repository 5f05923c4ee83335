// What every PDF of the engine shares: A4, PDF/A-2b (archival) and PDF/UA-1 (accessible) at
// once. The text is set in DejaVu Sans, embedded (subset) from its npm package, so any name
// prints as written (Nguyễn, Łukasz Żółć, Ayşe Yılmaz, Đorđević); every block is tagged
// (headings, paragraphs, lists, tables with their headers), in reading order, the language is
// fr-FR and the title is shown. Running headers and footers are artifacts.
//
// The same input gives the same bytes: the creation date is the document's own date, the file id
// derives from it, streams are left uncompressed (no dependence on the zlib build) and the fonts
// are subset in the order their glyphs are used. The bytes depend on this file, on the font files
// and on the pinned pdfkit version.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

export const pageMargin = 56;

const fontDirectory = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontFiles = {
  regular: join(fontDirectory, 'DejaVuSans.ttf'),
  bold: join(fontDirectory, 'DejaVuSans-Bold.ttf'),
} as const;

// Parsed once per process: a font's tables are decoded as glyphs are first laid out, and each
// document that opened the file anew would pay that again (most of a document's time).
let parsedFonts: { regular: fontkit.Font; bold: fontkit.Font } | undefined;

/** The body and bold fonts, parsed (pdfkit takes fontkit fonts as they are). */
export function documentFonts(): { regular: fontkit.Font; bold: fontkit.Font } {
  parsedFonts ??= {
    regular: fontkit.openSync(fontFiles.regular) as fontkit.Font,
    bold: fontkit.openSync(fontFiles.bold) as fontkit.Font,
  };
  return parsedFonts;
}

export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  /** Names the renderer and its version, e.g. "caleol-engine minutes v3". */
  creator: string;
  /** The document's own date (the session's close, the letter's date): never the clock. */
  createdAt: Date;
}

type StructureElement = PDFKit.PDFStructureElement;
// pdfkit writes a header cell's scope (/A << /O /Table /Scope /Column >>); its types omit the option.
const columnHeader = { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions;

/** Text as the document prints it: composed (NFC), without control characters, unusual spaces made plain. */
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u2000-\u200a\u202f\u205f]/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, '');
}

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// PDF/UA-1's identification, next to PDF/A's that pdfkit writes. PDF/A admits only the XMP
// schemas it lists, or others it is told about: the pdfuaid schema is declared as an extension.
const pdfUaIdentification = `
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
            xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
            <pdfaExtension:schemas>
                <rdf:Bag>
                    <rdf:li rdf:parseType="Resource">
                        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                        <pdfaSchema:property>
                            <rdf:Seq>
                                <rdf:li rdf:parseType="Resource">
                                    <pdfaProperty:name>part</pdfaProperty:name>
                                    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                                    <pdfaProperty:category>internal</pdfaProperty:category>
                                    <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
                                </rdf:li>
                            </rdf:Seq>
                        </pdfaSchema:property>
                    </rdf:li>
                </rdf:Bag>
            </pdfaExtension:schemas>
        </rdf:Description>
        <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>`;

/**
 * pdfkit copies the Info entries into the XMP metadata as they are; PDF/A asks both to say the
 * same, so the copy is escaped for XML ("Habitat & Humanisme") while the Info dictionary, written
 * just before, keeps the text itself.
 */
function escapeXmpOf(pdf: PDFKit.PDFDocument): void {
  const internals = pdf as unknown as { info: Record<string, unknown>; endMetadata: () => void };
  const endMetadata = internals.endMetadata.bind(pdf);
  internals.endMetadata = () => {
    const original = internals.info;
    internals.info = Object.fromEntries(Object.entries(original).map(([k, v]) => [k, typeof v === 'string' ? xmlEscape(v) : v]));
    try {
      endMetadata();
    } finally {
      internals.info = original;
    }
  };
}

/** The box a signature's visible block fills: room for five short lines. */
export const signatureFieldSize = { width: 260, height: 64 };

// The parts of pdfkit's document that it keeps to itself and a signature field needs.
interface PdfKitInternals {
  _root: { data: { AcroForm?: { data: { Fields: unknown[] } } } };
  _acroform?: { fonts: Record<string, unknown>; defaultFont: string };
  page: { dictionary: { data: Record<string, unknown> }; annotations: unknown[] };
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  indent?: number;
  /** Left edge and width of the block, when not the full text width. */
  x?: number;
  width?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
}

/**
 * A tagged A4 document. Each method writes one block and its structure element, in order, so the
 * structure's order is the reading order.
 */
export class TaggedPdf {
  readonly pdf: PDFKit.PDFDocument;
  readonly width: number;
  private readonly root: StructureElement;
  private readonly bytes: Promise<Buffer>;

  constructor(info: DocumentInfo) {
    const title = printable(info.title);
    const fonts = documentFonts();
    this.pdf = new PDFDocument({
      size: 'A4',
      margins: { top: pageMargin, bottom: pageMargin, left: pageMargin, right: pageMargin },
      bufferPages: true,
      compress: false,
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      tagged: true,
      displayTitle: true,
      lang: 'fr-FR',
      info: {
        Title: title,
        Author: printable(info.author),
        Subject: printable(info.subject),
        Creator: info.creator,
        Producer: `${info.creator} (pdfkit)`,
        CreationDate: info.createdAt,
        ModDate: info.createdAt,
      },
      font: fonts.regular as unknown as string,
    });
    this.pdf.registerFont('body', fonts.regular as unknown as string);
    this.pdf.registerFont('bold', fonts.bold as unknown as string);
    this.pdf.appendXML(pdfUaIdentification);
    escapeXmpOf(this.pdf);
    this.width = this.pdf.page.width - 2 * pageMargin;
    this.root = this.pdf.struct('Document');
    this.pdf.addStructure(this.root);
    const chunks: Buffer[] = [];
    this.bytes = new Promise<Buffer>((resolve, reject) => {
      this.pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.pdf.on('end', () => resolve(Buffer.concat(chunks)));
      this.pdf.on('error', reject);
    });
  }

  get y(): number {
    return this.pdf.y;
  }

  /** Writes `text` in the current structure element (inside a closure passed to `struct`). */
  private write(text: string, style: TextStyle, options: PDFKit.Mixins.TextOptions = {}): void {
    const x = style.x ?? pageMargin + (style.indent ?? 0);
    const width = style.width ?? this.width - (style.indent ?? 0);
    this.pdf.font(style.bold ? 'bold' : 'body').fontSize(style.size ?? 10)
      .text(printable(text), x, this.pdf.y, { width, align: style.align ?? 'left', ...options });
  }

  private block(type: string, draw: () => void, parent: StructureElement = this.root): void {
    parent.add(this.pdf.struct(type, {}, draw));
  }

  /** A new page first when a short block would otherwise be split across two (`extra` lines kept with it). */
  keepTogether(text: string, style: TextStyle = {}, extra = 0): void {
    const width = style.width ?? this.width - (style.indent ?? 0);
    this.pdf.font(style.bold ? 'bold' : 'body').fontSize(style.size ?? 10);
    const needed = this.pdf.heightOfString(printable(text), { width }) + extra * this.pdf.currentLineHeight(true);
    const bottom = this.pdf.page.height - this.pdf.page.margins.bottom;
    if (this.pdf.y + needed > bottom && needed < bottom - this.pdf.page.margins.top) this.pdf.addPage();
  }

  heading(level: 1 | 2 | 3, text: string, style: TextStyle = {}): void {
    const size = style.size ?? ({ 1: 15, 2: 12, 3: 11 } as const)[level];
    if (level > 1) this.pdf.moveDown(level === 2 ? 0.8 : 0.5);
    this.keepTogether(text, { ...style, size, bold: true }, level === 2 ? 3 : 4);
    this.block(`H${level}`, () => this.write(text, { ...style, size, bold: true }));
    this.pdf.moveDown(level === 2 ? 0.2 : 0.1);
  }

  paragraph(text: string, style: TextStyle = {}): void {
    this.keepTogether(text, style);
    this.block('P', () => this.write(text, style));
  }

  /** A label in bold followed by its text, in one paragraph. */
  field(label: string, text: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    this.keepTogether(`${label} : ${text}`, style);
    this.block('P', () => {
      this.write(`${label} : `, { ...style, size, bold: true }, { continued: true });
      this.pdf.font('body').text(printable(text));
    });
  }

  /** A list; an empty one prints `empty` instead. */
  list(lines: string[], style: TextStyle = {}, empty = 'néant'): void {
    const indent = (style.indent ?? 0) + 10;
    if (lines.length === 0) {
      this.paragraph(`– ${empty}`, { ...style, indent });
      return;
    }
    const list = this.pdf.struct('L');
    this.root.add(list);
    for (const line of lines) {
      this.keepTogether(`• ${line}`, { ...style, indent });
      const item = this.pdf.struct('LI');
      list.add(item);
      const top = this.pdf.y;
      item.add(this.pdf.struct('Lbl', {}, () => {
        this.pdf.font('body').fontSize(style.size ?? 10).text('•', pageMargin + indent, top, { lineBreak: false });
      }));
      this.pdf.y = top;
      item.add(this.pdf.struct('LBody', {}, () => this.write(line, { ...style, indent: indent + 9 })));
      item.end();
    }
    list.end();
  }

  /**
   * A table whose first row holds the column headers (TH, scope Column); `widths` are fractions
   * of the text width. A row never splits across pages; the header row is repeated on a new page
   * as an artifact.
   */
  table(headers: string[], rows: string[][], widths: number[], style: TextStyle = {}): void {
    const size = style.size ?? 9;
    const x0 = pageMargin + (style.indent ?? 0);
    const total = this.width - (style.indent ?? 0);
    const columns = widths.map((w) => w * total);
    const table = this.pdf.struct('Table');
    this.root.add(table);
    const rowHeight = (cells: string[], bold: boolean) => Math.max(...cells.map((cell, i) => {
      this.pdf.font(bold ? 'bold' : 'body').fontSize(size);
      return this.pdf.heightOfString(printable(cell), { width: (columns[i] ?? 0) - 4 });
    }));
    const drawRow = (cells: string[], header: boolean, mark: (i: number, draw: () => void) => void) => {
      const top = this.pdf.y;
      const height = rowHeight(cells, header);
      let x = x0;
      cells.forEach((cell, i) => {
        const width = columns[i] ?? 0;
        mark(i, () => {
          this.pdf.font(header ? 'bold' : 'body').fontSize(size).text(printable(cell), x + 2, top, { width: width - 4 });
        });
        x += width;
      });
      this.pdf.y = top + height + 2;
      this.pdf.save().lineWidth(0.5).strokeColor('#808080');
      this.pdf.markContent('Artifact', { type: 'Layout' });
      this.pdf.moveTo(x0, this.pdf.y - 1).lineTo(x0 + total, this.pdf.y - 1).stroke();
      this.pdf.endMarkedContent();
      this.pdf.restore();
    };
    const headerRow = this.pdf.struct('TR');
    table.add(headerRow);
    drawRow(headers, true, (_, draw) => headerRow.add(this.pdf.struct('TH', columnHeader, draw)));
    headerRow.end();
    for (const cells of rows) {
      const bottom = this.pdf.page.height - this.pdf.page.margins.bottom;
      if (this.pdf.y + rowHeight(cells, false) > bottom) {
        this.pdf.addPage();
        drawRow(headers, true, (_, draw) => {
          this.pdf.markContent('Artifact', { type: 'Pagination' });
          draw();
          this.pdf.endMarkedContent();
        });
      }
      const row = this.pdf.struct('TR');
      table.add(row);
      drawRow(cells, false, (_, draw) => row.add(this.pdf.struct('TD', {}, draw)));
      row.end();
    }
    table.end();
    this.pdf.moveDown(0.3);
  }

  /**
   * An empty signature field (a box) that a signature fills in later with its visible block
   * (pdf-signatures.ts). Tagged as a form field, in reading order, described for screen readers.
   */
  signatureField(name: string, description: string, size = signatureFieldSize): void {
    const bottom = this.pdf.page.height - this.pdf.page.margins.bottom;
    if (this.pdf.y + size.height + 6 > bottom) this.pdf.addPage();
    const x = pageMargin + 10;
    const y = this.pdf.y + 2;
    const internals = this.pdf as unknown as PdfKitInternals;
    if (!internals._root.data.AcroForm) {
      // pdfkit's form support asks for NeedAppearances, which PDF/A forbids: the form is made here.
      internals._root.data.AcroForm = this.pdf.ref({ Fields: [], SigFlags: 0, DR: { Font: {} } }) as unknown as { data: { Fields: unknown[] } };
      internals._acroform = { fonts: {}, defaultFont: 'body' };
    }
    const box = this.pdf.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, size.width, size.height], Resources: {} });
    box.end(`0.5 g 0 0 ${size.width} ${size.height} re f 0.2 G 0.5 w 0.25 0.25 ${size.width - 0.5} ${size.height - 0.5} re S`);
    const form = this.pdf.struct('Form', { alt: description });
    // The form element's /K is the widget's object reference itself, not an array holding it:
    // validators that check an incremental signature (pyHanko) look for the field there.
    const dictionary = (form as unknown as { dictionary: { data: { K?: unknown }; end: (...args: unknown[]) => unknown } }).dictionary;
    const end = dictionary.end.bind(dictionary);
    dictionary.end = (...args: unknown[]) => {
      if (Array.isArray(dictionary.data.K) && dictionary.data.K.length === 1) dictionary.data.K = dictionary.data.K[0];
      return end(...args);
    };
    this.root.add(form);
    internals.page.dictionary.data.Tabs = 'S';
    (this.pdf.annotate as unknown as (x: number, y: number, w: number, h: number, options: object) => void).call(this.pdf, x, y, size.width, size.height, {
      Subtype: 'Widget', FT: 'Sig', T: new String(name), TU: new String(description), F: 4, P: this.pdf.page.dictionary,
      AP: { N: box }, structParent: form,
    });
    form.end();
    internals._root.data.AcroForm!.data.Fields.push(internals.page.annotations.at(-1));
    this.pdf.y = y + size.height + 6;
  }

  gap(lines = 0.4): void {
    this.pdf.moveDown(lines);
  }

  /** Running footers, as pagination artifacts in the bottom margin (lifted while they are written). */
  footers(lines: (page: number, pages: number) => string[], size = 7): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      const page = this.pdf.page;
      const bottom = page.margins.bottom;
      page.margins.bottom = 0;
      let y = page.height - pageMargin + 10;
      this.pdf.markContent('Artifact', { type: 'Pagination' });
      for (const line of lines(i - range.start + 1, range.count)) {
        this.pdf.font('body').fontSize(size).text(printable(line), pageMargin, y, { width: this.width, align: 'center' });
        y += this.pdf.heightOfString(printable(line), { width: this.width }) + 1;
      }
      this.pdf.endMarkedContent();
      page.margins.bottom = bottom;
    }
  }

  /** Ends the document: its bytes. */
  end(): Promise<Buffer> {
    this.root.end();
    this.pdf.end();
    return this.bytes;
  }
}

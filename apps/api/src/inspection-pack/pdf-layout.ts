import type PDFDocument from 'pdfkit';

type Pdf = InstanceType<typeof PDFDocument>;

/** Characters outside Latin-1 that the standard fonts' WinAnsi encoding still has (pdfkit's map). */
const WIN_ANSI_EXTRA = new Set('ƒ–—‘’‚“”„†‡•…€‰‹›ˆ™ŒœŠšŸŽž˜');
const REPLACEMENTS: Readonly<Record<string, string>> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '✓': 'yes', '×': 'x' };

/**
 * Text the standard (unembedded) fonts can show: WinAnsi keeps Latin-1 and a few typographic
 * marks; arrows become ASCII, anything else `?`. Embedded fonts would show more, but pdfkit tags a
 * font subset with a random name, which would make the pack differ from one download to the next.
 */
export function pdfText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) out += char;
    else out += REPLACEMENTS[char] ?? (code < 0x20 ? ' ' : '?');
  }
  return out;
}

export function heading(doc: Pdf, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('black').text(pdfText(text), doc.page.margins.left);
  doc.moveDown(0.3).font('Helvetica').fontSize(9);
}

export function paragraph(doc: Pdf, text: string): void {
  doc.font('Helvetica').fontSize(9).fillColor('black').text(pdfText(text), doc.page.margins.left);
}

export interface TableSpec {
  readonly headers: readonly string[];
  /** Column widths in points, or `*` to share what is left. */
  readonly widths: readonly (number | '*')[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Said instead of an empty table. */
  readonly empty: string;
}

/** A table with a shaded header row; rows that do not fit start a new page. */
export function table(doc: Pdf, spec: TableSpec): void {
  if (spec.rows.length === 0) {
    paragraph(doc, spec.empty);
    return;
  }
  const header = spec.headers.map((text) => ({
    text: pdfText(text),
    type: 'TH' as const,
    font: { src: 'Helvetica-Bold' },
    backgroundColor: '#e6e6e6',
  }));
  const body = spec.rows.map((row) => row.map((cell) => pdfText(String(cell))));
  doc.font('Helvetica').fontSize(8.5);
  doc.table({
    position: { x: doc.page.margins.left },
    columnStyles: [...spec.widths],
    defaultStyle: { padding: [3, 4, 3, 4], border: 0.5, borderColor: '#999999' },
    data: [header, ...body],
  });
  doc.moveDown(0.5);
}

/** "Page n of m" in every page's footer; needs `bufferPages: true`. */
export function numberPages(doc: Pdf, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { margins, width, height } = doc.page;
    const bottom = margins.bottom;
    margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor('#555555')
      .text(pdfText(`${footer} - page ${index + 1} of ${range.count}`), margins.left, height - 28, {
        width: width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      });
    margins.bottom = bottom;
  }
}

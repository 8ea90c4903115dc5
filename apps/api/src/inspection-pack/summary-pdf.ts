import PDFDocument from 'pdfkit';
import type { Count, PackSummary } from './pack-summary';
import { heading, numberPages, paragraph, pdfText, table } from './pdf-layout';

const counts = (lines: readonly Count[], what: string) => ({
  headers: ['Measure', what],
  widths: ['*', 90] as const,
  rows: lines.map((line) => [line.label, line.count]),
  empty: 'None.',
});

/**
 * summary.pdf: the partnership as recorded at the pack's instant, in tables. Deterministic:
 * CreationDate and ModDate are the instant, the file ID pdfkit derives from the info dictionary,
 * standard fonts only (no randomly tagged subsets), pages buffered and numbered at the end.
 */
export function summaryPdf(summary: PackSummary): Promise<Buffer> {
  const instant = new Date(summary.asOf);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 50, right: 50 },
    bufferPages: true,
    info: {
      Title: pdfText(`Inspection pack: ${summary.partnership.name}, as recorded at ${summary.asOf}`),
      Subject: `Partnership ${summary.partnership.id}`,
      Creator: 'Learning Ledger',
      Producer: 'Learning Ledger (pdfkit)',
      CreationDate: instant,
      ModDate: instant,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  write(doc, summary);
  numberPages(doc, `${summary.partnership.name} - inspection pack as recorded at ${summary.asOf}`);
  doc.end();
  return done;
}

function write(doc: InstanceType<typeof PDFDocument>, s: PackSummary): void {
  doc.font('Helvetica-Bold').fontSize(18).text('Inspection pack');
  doc.font('Helvetica').fontSize(13).text(pdfText(s.partnership.name));
  doc
    .moveDown(0.3)
    .fontSize(11)
    .text(pdfText(`As recorded at ${s.asOf}`));
  doc.moveDown(0.5);
  paragraph(
    doc,
    `Generation basis: the ledger's events for this partnership recorded at or before ${s.asOf} (record time), folded through the ` +
      'same projections as the live read models. Derived values (overdue, slipped, stale, response overdue) are judged at that ' +
      'instant. Anything recorded later, including back-dated corrections, is not shown. The same instant always gives the same ' +
      'pack, byte for byte; manifest.json lists every file with its SHA-256.',
  );

  heading(doc, 'Partnership');
  table(doc, {
    headers: ['Field', 'Value'],
    widths: [140, '*'],
    rows: [
      ['Name', s.partnership.name],
      ['Partnership id', s.partnership.id],
      ['Local authorities', s.partnership.localAuthorities.join(', ')],
      ['Registered (business time)', s.partnership.registeredAt],
    ],
    empty: '',
  });

  heading(doc, 'Agencies');
  table(doc, {
    headers: ['Agency', 'Kind'],
    widths: ['*', 140],
    rows: s.agencies.map((a) => [a.name, a.kind]),
    empty: 'No agencies recorded.',
  });

  heading(doc, 'Learning sources');
  table(doc, { ...counts(s.sourcesByKind, 'Sources'), headers: ['Kind', 'Sources'], empty: 'No sources recorded.' });
  table(doc, {
    headers: ['Source', 'Kind', 'Status', 'Occurred', 'Findings'],
    widths: ['*', 95, 70, 65, 50],
    rows: s.sources.map((source) => [source.title, source.kind, source.status, source.occurredOn, source.findings]),
    empty: '',
  });

  heading(doc, 'Recommendations and responses');
  table(doc, {
    headers: ['No.', 'Recommendation', 'Source', 'Scope', 'Response', 'Responded', 'Status', 'Actions'],
    widths: [28, '*', 75, 38, 72, 58, 52, 42],
    rows: s.recommendations.map((r) => [r.number, r.text, r.source, r.scope, r.response, r.respondedOn, r.status, r.actions]),
    empty: 'No recommendations recorded.',
  });

  heading(doc, 'Actions by status');
  table(doc, { ...counts(s.actionsByStatus, 'Actions'), headers: ['Status', 'Actions'] });
  heading(doc, 'Timeliness');
  table(doc, counts(s.timeliness, 'Actions'));
  heading(doc, 'Impact (actions not cancelled or superseded)');
  table(doc, counts(s.impact, 'Actions'));

  heading(doc, 'Challenges');
  table(doc, counts(s.challenges, 'Challenges'));
  table(doc, { ...counts(s.challengesByStatus, 'Challenges'), headers: ['Status', 'Challenges'] });

  heading(doc, 'Integrity');
  table(doc, {
    headers: ['Measure', 'Value'],
    widths: [150, '*'],
    rows: [
      ['Events reflected', s.ledger.events],
      ['Ledger position of the last', s.ledger.position ?? 'none'],
      ['Last event recorded at', s.ledger.lastRecordedAt ?? 'none'],
      ['Partnership chain hash', s.ledger.chainHash],
    ],
    empty: '',
  });
  paragraph(
    doc,
    `The chain hash is computed from exactly the events this pack reflects, in commit order, the way the ledger's sealer chains ` +
      `this partnership (sha256 of the previous link and each event's stored columns). It equals link ${s.ledger.events} of the ` +
      `partnership's hash chain; a different value there means an event up to this point was changed after it was sealed. ` +
      `GET /api/v1/partnerships/${s.partnership.id}/integrity (or ledger verify) verifies the whole chain against the log ` +
      'as it stands when asked: that is a live check, so it is not frozen into this pack.',
  );
}

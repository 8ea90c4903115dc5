import JSZip from 'jszip';
import type { Lineage } from '@ledger/insights';
import { lineageNames, lineageText } from './lineage-files';
import type { PackSummary } from './pack-summary';
import { pdfText } from './pdf-layout';
import { summaryPdf } from './summary-pdf';
import { zipFiles } from './zip-writer';

const AS_OF = '2026-03-02T09:00:00.000Z';

function summaryAt(asOf: string): PackSummary {
  return {
    asOf,
    partnership: {
      id: '00000000-0000-4000-8000-000000000001',
      name: 'Northshire Safeguarding Children Partnership',
      localAuthorities: ['Northshire County Council'],
      registeredAt: '2025-01-01T00:00:00.000Z',
    },
    agencies: [{ name: 'Northshire Constabulary', kind: 'police' }],
    sourcesByKind: [{ label: 'rapid-review', count: 1 }],
    sources: [{ title: 'Rapid review RR-2025-01', kind: 'rapid-review', status: 'open', occurredOn: '2025-02-01', findings: 1 }],
    recommendations: [
      {
        number: '1',
        text: 'Refresh the information-sharing protocol → relaunch it.',
        source: 'Rapid review RR-2025-01',
        scope: 'local',
        response: 'accepted',
        respondedOn: '2025-02-10',
        status: 'in-delivery',
        actions: 1,
      },
    ],
    actionsByStatus: [{ label: 'in-progress', count: 1 }],
    timeliness: [{ label: 'overdue (target date passed, open)', count: 0 }],
    impact: [{ label: 'impact assured', count: 0 }],
    challenges: [{ label: 'open', count: 1 }],
    challengesByStatus: [{ label: 'raised', count: 1 }],
    ledger: { events: 12, position: '900:12', lastRecordedAt: AS_OF, chainHash: 'ab'.repeat(32) },
  };
}

describe('summary.pdf', () => {
  it('is the same bytes for the same instant, and stamped with it', async () => {
    const [a, b] = await Promise.all([summaryPdf(summaryAt(AS_OF)), summaryPdf(summaryAt(AS_OF))]);
    expect(a.equals(b)).toBe(true);
    expect(a.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(a.toString('latin1')).toContain('(D:20260302090000Z)');
  });

  it('differs for another instant (dates and the file ID derived from them)', async () => {
    const [a, b] = await Promise.all([summaryPdf(summaryAt(AS_OF)), summaryPdf(summaryAt('2026-03-03T09:00:00.000Z'))]);
    expect(a.equals(b)).toBe(false);
  });
});

describe('the zip writer', () => {
  const files = [
    { path: 'b.txt', bytes: Buffer.from('second') },
    { path: 'a/c.json', bytes: Buffer.from('{"first":true}') },
  ];
  const original = process.env['TZ'];
  afterEach(() => {
    process.env['TZ'] = original;
  });

  it('writes the same bytes whatever the server’s time zone, in the order given, stamped with the instant', async () => {
    process.env['TZ'] = 'UTC';
    const utc = await zipFiles(files, new Date(AS_OF));
    process.env['TZ'] = 'America/New_York';
    const newYork = await zipFiles(files, new Date(AS_OF));
    expect(newYork.equals(utc)).toBe(true);
    const zip = await JSZip.loadAsync(utc);
    expect(Object.keys(zip.files)).toEqual(['b.txt', 'a/c.json']);
    expect(zip.files['b.txt']!.date.toISOString()).toBe(AS_OF);
    expect(await zip.files['a/c.json']!.async('string')).toBe('{"first":true}');
  });
});

describe('lineage files', () => {
  it('are named by recommendation number when it is unique and safe, else by id', () => {
    const names = lineageNames([
      { id: 'r1', number: '1' },
      { id: 'r2', number: '2' },
      { id: 'r3', number: '2' },
      { id: 'r4', number: '../etc' },
      { id: 'r5', number: '3.1' },
    ]);
    expect([...names]).toEqual([
      ['r1', '1'],
      ['r2', 'r2'],
      ['r3', 'r3'],
      ['r4', 'r4'],
      ['r5', '3.1'],
    ]);
  });

  it('read as an outline, each node once, impact under its action', () => {
    const node = (id: string, kind: Lineage['nodes'][number]['kind'], label: string) => ({
      id,
      kind,
      label,
      status: 'open',
      why: `why ${id}`,
      occurredAt: null,
      recordedAt: null,
      forum: null,
      details: {},
    });
    const lineage: Lineage = {
      root: { kind: 'recommendation', id: 'r' },
      nodes: [
        node('s', 'source', 'RR-1'),
        { ...node('r', 'recommendation', 'Refresh'), details: { number: '3' } },
        node('a', 'action', 'Relaunch'),
        node('e', 'evidence', 'Audit'),
        node('impact:a', 'impact', 'Impact on practice'),
      ],
      edges: [
        { from: 's', to: 'r', kind: 'recommended' },
        { from: 'r', to: 'a', kind: 'actioned' },
        { from: 'a', to: 'e', kind: 'evidenced' },
        { from: 'e', to: 'impact:a', kind: 'supports' },
        { from: 'a', to: 'impact:a', kind: 'assures' },
      ],
    };
    expect(
      lineageText(lineage, new Date(AS_OF))
        .split('\n')
        .filter((line) => !line.includes('why:')),
    ).toEqual([
      `Lineage as recorded at ${AS_OF}`,
      '',
      'Source: RR-1 [open]',
      '  Recommendation 3: Refresh [open]',
      '    Action: Relaunch [open]',
      '      Evidence: Audit [open]',
      '      Impact: Impact on practice [open]',
      '',
    ]);
  });
});

describe('PDF text', () => {
  it('keeps what the standard fonts show and replaces the rest', () => {
    expect(pdfText('Café – “quoted” → next ≥ 2 ✗')).toBe('Café – “quoted” -> next >= 2 ?');
  });
});

import type { SourceDocument } from './sources.projection';
import { filterSources, toSourceListItem, toSourceView } from './source-views';

function source(id: string, occurredAt: string, overrides: Partial<SourceDocument> = {}): SourceDocument {
  return {
    id,
    partnershipId: 'p',
    kind: 'rapid-review',
    title: `Source ${id}`,
    reference: null,
    occurredAt,
    recordedAt: '2025-05-01T09:00:00.000Z',
    status: 'open',
    milestones: [],
    findings: [
      { findingId: 'f1', summary: 's', themes: [], enablers: [], goodPractice: true, occurredAt },
      { findingId: 'f2', summary: 's', themes: [], enablers: [], goodPractice: false, occurredAt },
    ],
    version: 3,
    ...overrides,
  };
}

describe('source views', () => {
  it('answers an item with finding ids and a list row with counts and no finding text', () => {
    const doc = source('s1', '2025-04-01T09:00:00.000Z');
    expect(toSourceView(doc)).toEqual({ ...doc, findingIds: ['f1', 'f2'] });
    expect(toSourceListItem(doc)).toMatchObject({ id: 's1', findingIds: ['f1', 'f2'], findingCount: 2, goodPracticeCount: 1, version: 3 });
    expect(toSourceListItem(doc)).not.toHaveProperty('findings');
  });

  it('lists newest business time first, then by id, filtered by kind and status', () => {
    const docs = [
      source('b', '2025-03-01T09:00:00.000Z'),
      source('c', '2025-04-01T09:00:00.000Z', { status: 'closed' }),
      source('a', '2025-03-01T09:00:00.000Z', { kind: 'lcspr' }),
    ];
    expect(filterSources(docs, {}).map((item) => item.id)).toEqual(['c', 'a', 'b']);
    expect(filterSources(docs, { kind: 'lcspr' }).map((item) => item.id)).toEqual(['a']);
    expect(filterSources(docs, { status: 'open', kind: 'rapid-review' }).map((item) => item.id)).toEqual(['b']);
  });
});

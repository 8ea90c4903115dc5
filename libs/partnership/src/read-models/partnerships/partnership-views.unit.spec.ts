import type { PartnershipDocument } from './partnership.document';
import { agenciesOf, comparePartnerships } from './partnership-views';

const partnership = (id: string, name: string): PartnershipDocument => ({
  id,
  name,
  localAuthorities: [],
  agencies: [{ id: 'ag-1', name: 'Synthetic Constabulary', kind: 'police', addedAt: '2025-01-01T09:00:00.000Z' }],
  subgroups: [],
  themes: [],
  taxonomyVersion: 0,
  version: 2,
  registeredAt: '2025-01-01T09:00:00.000Z',
});

describe('partnership views', () => {
  it('answers the agencies by id with name and kind, none for no partnership', () => {
    expect([...agenciesOf(partnership('p', 'P'))]).toEqual([['ag-1', { name: 'Synthetic Constabulary', kind: 'police' }]]);
    expect(agenciesOf(null).size).toBe(0);
  });

  it('orders by name ignoring case, then id', () => {
    const docs = [partnership('2', 'beta'), partnership('3', 'Alpha'), partnership('1', 'beta')];
    expect(docs.sort(comparePartnerships).map((doc) => doc.id)).toEqual(['3', '1', '2']);
  });
});

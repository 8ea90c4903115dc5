import { WHOLE_ROW, rowDifferences } from '@ledger/event-sourcing';

describe('rowDifferences', () => {
  describe('when both rows exist', () => {
    it('names each differing leaf by its path, columns bare and the document under doc', () => {
      const live = { status: 'agreed', doc: { status: 'agreed', updates: [{ note: 'a' }, { note: 'b' }], owner: 'x' } };
      const refolded = { status: 'in-progress', doc: { status: 'in-progress', updates: [{ note: 'a' }, { note: 'c' }, { note: 'd' }] } };
      expect(rowDifferences(live, refolded)).toEqual([
        { field: 'doc.owner', live: 'x', refolded: undefined },
        { field: 'doc.status', live: 'agreed', refolded: 'in-progress' },
        { field: 'doc.updates[1].note', live: 'b', refolded: 'c' },
        { field: 'doc.updates[2]', live: undefined, refolded: { note: 'd' } },
        { field: 'status', live: 'agreed', refolded: 'in-progress' },
      ]);
    });

    it('finds nothing in equal rows whatever their key order', () => {
      expect(rowDifferences({ a: 1, doc: { x: [1, { y: null }] } }, { doc: { x: [1, { y: null }] }, a: 1 })).toEqual([]);
    });

    it('reports a value that changed type as one difference', () => {
      expect(rowDifferences({ doc: { x: [1] } }, { doc: { x: { 0: 1 } } })).toEqual([{ field: 'doc.x', live: [1], refolded: { 0: 1 } }]);
    });
  });

  describe('when a row exists on one side only', () => {
    it('reports the whole row', () => {
      expect(rowDifferences(undefined, { doc: {} })).toEqual([{ field: WHOLE_ROW, live: undefined, refolded: 'present' }]);
      expect(rowDifferences({ doc: {} }, undefined)).toEqual([{ field: WHOLE_ROW, live: 'present', refolded: undefined }]);
    });
  });
});

import { deriveRecommendationStatus, type LinkedActionCounts } from './recommendation-status';

const counts = (c: Partial<LinkedActionCounts> = {}): LinkedActionCounts => {
  const closed = c.closed ?? 0;
  const cancelled = c.cancelled ?? 0;
  const superseded = c.superseded ?? 0;
  const open = c.open ?? 0;
  return { total: open + closed + cancelled + superseded, open, closed, cancelled, superseded };
};

describe('deriveRecommendationStatus', () => {
  it('is made with no response and no actions', () => {
    expect(deriveRecommendationStatus(null, counts())).toBe('made');
  });

  it.each(['accepted', 'partially-accepted'] as const)('is responded when %s with no actions', (decision) => {
    expect(deriveRecommendationStatus(decision, counts())).toBe('responded');
  });

  it('is in delivery while any linked action is open, responded or not', () => {
    expect(deriveRecommendationStatus('accepted', counts({ open: 1, closed: 2 }))).toBe('in-delivery');
    expect(deriveRecommendationStatus(null, counts({ open: 1 }))).toBe('in-delivery');
  });

  it('is closed when every linked action is closed or cancelled', () => {
    expect(deriveRecommendationStatus('accepted', counts({ closed: 1 }))).toBe('closed');
    expect(deriveRecommendationStatus('partially-accepted', counts({ closed: 1, cancelled: 1 }))).toBe('closed');
    expect(deriveRecommendationStatus('accepted', counts({ cancelled: 1 }))).toBe('closed');
  });

  it('ignores superseded actions either way', () => {
    expect(deriveRecommendationStatus('accepted', counts({ superseded: 1 }))).toBe('responded');
    expect(deriveRecommendationStatus('accepted', counts({ superseded: 1, closed: 1 }))).toBe('closed');
    expect(deriveRecommendationStatus('accepted', counts({ superseded: 1, open: 1 }))).toBe('in-delivery');
  });

  it('stays responded when not accepted, whatever is linked', () => {
    expect(deriveRecommendationStatus('not-accepted', counts())).toBe('responded');
    expect(deriveRecommendationStatus('not-accepted', counts({ open: 1 }))).toBe('responded');
    expect(deriveRecommendationStatus('not-accepted', counts({ closed: 1 }))).toBe('responded');
  });
});

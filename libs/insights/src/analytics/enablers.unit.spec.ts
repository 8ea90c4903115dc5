import { foldLedger } from '../ledger/fold-ledger';
import { analyticsScenario } from '../testing/analytics-scenario.fixtures';
import { enablerLens, namesSubgroup } from './enablers';

describe('enabler lens', () => {
  const lens = enablerLens(foldLedger(analyticsScenario().events));

  it('counts findings per enabler (all six listed), as a share of the five findings', () => {
    expect(lens.findings).toEqual({
      total: 5,
      byEnabler: [
        { enabler: 'partnership-working', findings: 2, share: 0.4 },
        { enabler: 'knowledge-management', findings: 0, share: 0 },
        { enabler: 'frontline-and-family-engagement', findings: 1, share: 0.2 },
        { enabler: 'subgroups-and-mechanisms', findings: 0, share: 0 },
        { enabler: 'leadership-and-challenge', findings: 1, share: 0.2 },
        { enabler: 'resourcing', findings: 1, share: 0.2 },
      ],
    });
  });

  it('4 of 5 actions trace to frontline or family input (a tagged finding, or a feedback source)', () => {
    expect(lens.frontlineOrFamilyInput).toEqual({ actions: 5, withInput: 4, share: 0.8 });
  });

  it('2 of 4 agreed actions were agreed through a subgroup', () => {
    expect(lens.agreedThroughSubgroup).toEqual({ agreed: 4, throughSubgroup: 2, share: 0.5 });
  });

  it('counts challenges raised and escalations per quarter, with no gaps', () => {
    expect(lens.challengesPerQuarter).toEqual([
      { quarter: '2025-Q4', raised: 1, escalations: 0 },
      { quarter: '2026-Q1', raised: 2, escalations: 0 },
      { quarter: '2026-Q2', raised: 2, escalations: 1 },
    ]);
  });

  it('recognises a subgroup forum by the word or by an established subgroup’s name', () => {
    expect(namesSubgroup('QA sub-group, 2 March', [])).toBe(true);
    expect(namesSubgroup('Learning and Improvement, 3 Mar 2026', ['Learning and Improvement'])).toBe(true);
    expect(namesSubgroup('Safeguarding partnership board', ['Learning and Improvement'])).toBe(false);
    expect(namesSubgroup(null, ['Learning and Improvement'])).toBe(false);
  });
});

import { foldLedger } from '../ledger/fold-ledger';
import { analyticsScenario } from '../testing/analytics-scenario.fixtures';
import { themeMatrix } from './themes';

describe('theme recurrence', () => {
  const matrix = themeMatrix(foldLedger(analyticsScenario().events));

  it('ranks information sharing first: three findings from three sources over two years recur', () => {
    expect(matrix.themes[0]).toEqual({
      theme: 'information-sharing',
      findings: 3,
      goodPractice: 0,
      sources: 3,
      recurring: true,
      years: [2025, 2026],
      sourceKinds: ['lcspr', 'rapid-review'],
    });
    expect(matrix.themes.map((t) => t.theme)).toEqual([
      'information-sharing',
      'early-help',
      'professional-curiosity',
      'voice-of-the-child',
    ]);
  });

  it('counts good practice apart, and a single-source theme does not recur', () => {
    expect(matrix.themes.find((t) => t.theme === 'voice-of-the-child')).toMatchObject({ findings: 1, goodPractice: 1, recurring: false });
  });

  it('fills the themes × source kinds × years cells', () => {
    expect(matrix.years).toEqual([2025, 2026]);
    expect(matrix.sourceKinds).toEqual(['feedback', 'lcspr', 'rapid-review']);
    expect(matrix.cells.filter((c) => c.theme === 'information-sharing')).toEqual([
      { theme: 'information-sharing', sourceKind: 'lcspr', year: 2025, findings: 1, sources: 1 },
      { theme: 'information-sharing', sourceKind: 'rapid-review', year: 2026, findings: 2, sources: 2 },
    ]);
    expect(matrix.cells).toHaveLength(5);
  });
});

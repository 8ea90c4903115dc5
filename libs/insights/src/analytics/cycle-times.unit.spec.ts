import { foldLedger } from '../ledger/fold-ledger';
import { analyticsScenario, HEALTH, LA, POLICE } from '../testing/analytics-scenario.fixtures';
import { cycleTimes } from './cycle-times';

describe('cycle times', () => {
  const stages = cycleTimes(foldLedger(analyticsScenario().events));
  const stage = (name: string) => stages.find((s) => s.stage === name)!;

  it('finding → recommendation: 10, 10, 20 and 10 days give median 10, p90 17; an unanswered finding is not counted', () => {
    expect(stage('finding-to-recommendation').overall).toEqual({ count: 4, median: 10, p90: 17 });
  });

  it('splits by source kind and by addressee agency', () => {
    const s = stage('finding-to-recommendation');
    expect(s.bySourceKind).toEqual([
      { sourceKind: 'feedback', count: 1, median: 10, p90: 10 },
      { sourceKind: 'lcspr', count: 1, median: 20, p90: 20 },
      { sourceKind: 'rapid-review', count: 2, median: 10, p90: 10 },
    ]);
    expect(s.byAgency).toEqual([
      { agencyId: HEALTH, agencyName: 'Northshire ICB', count: 3, median: 10, p90: 10 },
      { agencyId: LA, agencyName: 'Northshire County Council', count: 1, median: 20, p90: 20 },
      { agencyId: POLICE, agencyName: 'Northshire Constabulary', count: 2, median: 10, p90: 10 },
    ]);
  });

  it('recommendation → agreed: 10, 20, 10, 10; a never-agreed action is not counted', () => {
    expect(stage('recommendation-to-agreed').overall).toEqual({ count: 4, median: 10, p90: 17 });
  });

  it('agreed → completed (verified): 39 and 144 days give median 91.5, p90 133.5', () => {
    expect(stage('agreed-to-completed').overall).toEqual({ count: 2, median: 91.5, p90: 133.5 });
    expect(stage('agreed-to-completed').byAgency.map((a) => [a.agencyId, a.median])).toEqual([
      [LA, 144],
      [POLICE, 39],
    ]);
  });

  it('completed → impact assured: 10 Mar → 9 Apr is 30 days', () => {
    expect(stage('completed-to-impact-assured').overall).toEqual({ count: 1, median: 30, p90: 30 });
    expect(stage('completed-to-impact-assured').bySourceKind).toEqual([{ sourceKind: 'rapid-review', count: 1, median: 30, p90: 30 }]);
  });
});

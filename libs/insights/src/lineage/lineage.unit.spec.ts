import { foldLedger } from '../ledger/fold-ledger';
import { EventLog } from '../testing/event-log.fixtures';
import { buildLineage, type Lineage } from './lineage';

const POLICE = 'agency-police';
const HEALTH = 'agency-health';
const AT = new Date('2026-03-10T12:00:00Z');

function northshire(): EventLog {
  return new EventLog()
    .partnership()
    .agency(POLICE, 'Northshire Constabulary')
    .agency(HEALTH, 'Northshire ICB', 'health')
    .source('s1', 'rapid-review', 'RR-2026-01', '2026-01-05T10:00:00Z')
    .finding('s1', 'f1', '2026-01-20T10:00:00Z', { themes: ['information-sharing'] })
    .finding('s1', 'f2', '2026-01-20T11:00:00Z', { goodPractice: true })
    .recommendation('r1', 's1', ['f1'], '2026-02-02T10:00:00Z', { number: '1' })
    .respond('r1', 'accepted', '2026-02-09T10:00:00Z', null, { forum: 'Safeguarding partnership board' })
    .action('a1', ['r1'], POLICE, '2026-03-31', '2026-02-10T10:00:00Z')
    .act('a1', 'ActionAgreed', '2026-02-11T10:00:00Z', {}, { forum: 'Learning and Improvement subgroup' })
    .act('a1', 'ActionStarted', '2026-02-12T10:00:00Z')
    .evidence('a1', 'e1', '2026-02-20T10:00:00Z', false, 'Protocol v2')
    .act('a1', 'CompletionClaimed', '2026-02-25T10:00:00Z')
    .act('a1', 'CompletionVerified', '2026-03-02T10:00:00Z', {}, { forum: 'QA subgroup' })
    .action('a2', ['r1'], HEALTH, '2026-02-28', '2026-02-10T10:00:00Z')
    .act('a2', 'ActionAgreed', '2026-02-11T10:00:00Z')
    .source('s2', 'scrutiny', 'Scrutiny 2026', '2026-01-10T10:00:00Z')
    .recommendation('r2', 's2', [], '2026-02-03T10:00:00Z', { number: '1' })
    .action('a3', ['r2'], POLICE, '2026-12-31', '2026-02-10T10:00:00Z');
}

const ids = (lineage: Lineage | null) => lineage?.nodes.map((n) => n.id).sort();
const why = (lineage: Lineage | null, id: string) => lineage?.nodes.find((n) => n.id === id)?.why;

describe('lineage', () => {
  const ledger = foldLedger(northshire().events);

  it('from a source: its findings, the recommendations, their actions, evidence and impact — nothing of another source', () => {
    const lineage = buildLineage(ledger, { sourceId: 's1' }, AT);
    expect(lineage?.root).toEqual({ kind: 'source', id: 's1' });
    expect(ids(lineage)).toEqual(['a1', 'a2', 'e1', 'f1', 'f2', 'impact:a1', 'impact:a2', 'r1', 's1']);
  });

  it('from a recommendation: its source and the findings it cites, down to impact', () => {
    expect(ids(buildLineage(ledger, { recommendationId: 'r1' }, AT))).toEqual([
      'a1',
      'a2',
      'e1',
      'f1',
      'impact:a1',
      'impact:a2',
      'r1',
      's1',
    ]);
  });

  it('from an action: the chain up to its source and down to its impact, with the edges between', () => {
    const lineage = buildLineage(ledger, { actionId: 'a1' }, AT);
    expect(ids(lineage)).toEqual(['a1', 'e1', 'f1', 'impact:a1', 'r1', 's1']);
    expect(lineage?.edges).toEqual([
      { from: 's1', to: 'f1', kind: 'found' },
      { from: 'f1', to: 'r1', kind: 'recommended' },
      { from: 'r1', to: 'a1', kind: 'actioned' },
      { from: 'a1', to: 'e1', kind: 'evidenced' },
      { from: 'a1', to: 'impact:a1', kind: 'assures' },
    ]);
  });

  it('with no selector: every source’s lineage; a recommendation citing no finding hangs from its source', () => {
    const lineage = buildLineage(ledger, {}, AT);
    expect(lineage?.root).toBeNull();
    expect(ids(lineage)).toEqual(['a1', 'a2', 'a3', 'e1', 'f1', 'f2', 'impact:a1', 'impact:a2', 'impact:a3', 'r1', 'r2', 's1', 's2']);
    expect(lineage?.edges).toContainEqual({ from: 's2', to: 'r2', kind: 'recommended' });
  });

  it('answers null for an item the ledger does not hold', () => {
    expect(buildLineage(ledger, { actionId: 'nope' }, AT)).toBeNull();
    expect(buildLineage(ledger, { sourceId: 'a1' }, AT)).toBeNull();
  });

  it('says why impact is not yet assured, with the verifying forum and date', () => {
    const lineage = buildLineage(ledger, { actionId: 'a1' }, AT);
    expect(lineage?.nodes.find((n) => n.id === 'impact:a1')).toMatchObject({
      kind: 'impact',
      status: 'awaiting-evidence',
      why: 'Impact not yet assured: completion verified by the QA subgroup on 2 Mar 2026; no impact evidence attached.',
    });
    expect(why(lineage, 'a1')).toBe('Completion verified by the QA subgroup on 2 Mar 2026; impact not yet assured.');
    expect(why(lineage, 'e1')).toBe('Policy “Protocol v2” attached on 20 Feb 2026; evidences delivery, not impact.');
  });

  it('says why for each kind of node upstream', () => {
    const lineage = buildLineage(ledger, { sourceId: 's1' }, AT);
    expect(why(lineage, 's1')).toBe('Open: recorded on 5 Jan 2026; 2 findings, 1 recommendation; impact assured for 0 of 2 actions.');
    expect(why(lineage, 'f1')).toBe('Recorded on 20 Jan 2026; addressed by recommendation 1.');
    expect(why(lineage, 'f2')).toBe('Good practice recorded on 20 Jan 2026; no recommendation needed.');
    expect(why(lineage, 'r1')).toBe(
      'In delivery: accepted by the Safeguarding partnership board on 9 Feb 2026; 2 of 2 linked actions still open.',
    );
  });

  it('says an action is overdue, by how many days, judged at the instant asked', () => {
    expect(why(buildLineage(ledger, { actionId: 'a2' }, AT), 'a2')).toBe(
      'Agreed on 11 Feb 2026; not yet started. Overdue: target date 28 Feb 2026 passed 10 days ago.',
    );
    expect(why(buildLineage(ledger, { actionId: 'a2' }, new Date('2026-02-20T12:00:00Z')), 'a2')).toBe(
      'Agreed on 11 Feb 2026; not yet started.',
    );
  });
});

describe('lineage whys further down the life of an action', () => {
  const whyOf = (log: EventLog, id: string) => why(buildLineage(foldLedger(log.events), { actionId: 'a1' }, AT), id);

  it('an assured and closed action names the forum, method and impact evidence', () => {
    const log = northshire()
      .evidence('a1', 'e2', '2026-03-04T10:00:00Z', true, 'Repeat audit', 'audit-result')
      .act('a1', 'ImpactAssured', '2026-03-05T10:00:00Z', { method: 'repeat audit' }, { forum: 'QA subgroup' })
      .act('a1', 'ActionClosed', '2026-03-06T10:00:00Z');
    expect(whyOf(log, 'impact:a1')).toBe(
      'Impact assured by the QA subgroup on 5 Mar 2026 (method: repeat audit); 1 piece of impact evidence.',
    );
    expect(whyOf(log, 'a1')).toBe('Closed on 6 Mar 2026 after impact was assured by the QA subgroup on 5 Mar 2026.');
    expect(whyOf(log, 'e2')).toBe('Audit result “Repeat audit” attached on 4 Mar 2026; evidences impact on practice.');
  });

  it('impact evidence attached but not yet assured', () => {
    const log = northshire().evidence('a1', 'e2', '2026-03-04T10:00:00Z', true);
    expect(whyOf(log, 'impact:a1')).toBe(
      'Impact not yet assured: completion verified by the QA subgroup on 2 Mar 2026; 1 piece of impact evidence attached, awaiting assurance.',
    );
  });

  it('impact not demonstrated puts the action back in progress, with the reason', () => {
    const log = northshire().act('a1', 'ImpactNotDemonstrated', '2026-03-05T10:00:00Z', { reason: 'Repeat audit showed no change.' });
    expect(whyOf(log, 'impact:a1')).toBe('Impact not demonstrated on 5 Mar 2026: Repeat audit showed no change.');
    expect(whyOf(log, 'a1')).toBe('Back in progress: impact not demonstrated on 5 Mar 2026 (Repeat audit showed no change).');
  });

  it('a cancelled action has no impact to assure', () => {
    const log = northshire().act('a1', 'ActionCancelled', '2026-03-05T10:00:00Z', { reason: 'Overtaken by national guidance' });
    expect(whyOf(log, 'a1')).toBe('Cancelled on 5 Mar 2026: Overtaken by national guidance.');
    expect(whyOf(log, 'impact:a1')).toBe('Not applicable: the action was cancelled on 5 Mar 2026.');
  });

  it('a superseded action names its successor', () => {
    const log = northshire().act('a1', 'ActionSuperseded', '2026-03-05T10:00:00Z', {
      successorActionId: 'a3',
      reason: 'Merged into a wider action',
    });
    expect(whyOf(log, 'a1')).toBe('Superseded on 5 Mar 2026 by “Action a3”: Merged into a wider action.');
  });

  it('a slipped, in-progress action says how its target moved, and that it is not yet verified', () => {
    const log = new EventLog()
      .source('s1', 'lcspr', 'LCSPR Gabriel', '2026-01-05T10:00:00Z')
      .recommendation('r1', 's1', [], '2026-01-06T10:00:00Z', { number: '4' })
      .action('a1', ['r1'], POLICE, '2026-01-31', '2026-01-07T10:00:00Z')
      .act('a1', 'ActionAgreed', '2026-01-08T10:00:00Z')
      .act('a1', 'ActionStarted', '2026-01-09T10:00:00Z')
      .act('a1', 'TargetDateRevised', '2026-01-20T10:00:00Z', {
        previousTargetDate: '2026-01-31',
        newTargetDate: '2026-02-28',
        reason: 'Trainer',
      })
      .act('a1', 'TargetDateRevised', '2026-02-20T10:00:00Z', {
        previousTargetDate: '2026-02-28',
        newTargetDate: '2026-06-30',
        reason: 'Trainer again',
      });
    expect(whyOf(log, 'a1')).toBe('In progress since 9 Jan 2026. Slipped: target date revised 2 times, from 31 Jan 2026 to 30 Jun 2026.');
    expect(whyOf(log, 'impact:a1')).toBe('Impact not yet assured: completion not yet verified; no impact evidence attached.');
    expect(whyOf(log, 'r1')).toBe('In delivery: no response recorded yet; 1 of 1 linked action still open.');
  });

  it('a recommendation not accepted says so, with the reason; a closed one says its actions ended', () => {
    const notAccepted = northshire().respond('r2', 'not-accepted', '2026-02-20T10:00:00Z', 'Already covered by the national review.', {
      forum: 'the Executive',
    });
    expect(why(buildLineage(foldLedger(notAccepted.events), { recommendationId: 'r2' }, AT), 'r2')).toBe(
      'Not accepted by the Executive on 20 Feb 2026 (Already covered by the national review).',
    );
    const closed = northshire().act('a3', 'ActionCancelled', '2026-03-01T10:00:00Z', { reason: 'Duplicate' });
    expect(why(buildLineage(foldLedger(closed.events), { recommendationId: 'r2' }, AT), 'r2')).toBe(
      'Closed: its linked action closed or cancelled; no response recorded yet.',
    );
  });
});

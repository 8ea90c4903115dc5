import { referenceInstant, sliceEvents } from '../insight-event';
import { EventLog } from '../testing/event-log.fixtures';
import { daysLate, isOverdue, isSlipped } from './action-timeliness';
import { foldLedger } from './fold-ledger';

const POLICE = 'agency-police';

function plan(): EventLog {
  return new EventLog()
    .partnership()
    .agency(POLICE, 'Northshire Constabulary')
    .source('s1', 'rapid-review', 'RR-2026-01', '2026-01-05T10:00:00Z')
    .finding('s1', 'f1', '2026-01-20T10:00:00Z', { themes: ['information-sharing'] })
    .recommendation('r1', 's1', ['f1'], '2026-02-02T10:00:00Z')
    .action('a1', ['r1'], POLICE, '2026-03-31', '2026-02-10T10:00:00Z');
}

describe('slicing events in time', () => {
  const log = new EventLog()
    .source('s1', 'feedback', 'Survey', '2026-01-05T10:00:00Z', { recordedAt: '2026-01-05T10:00:00Z' })
    .source('s2', 'feedback', 'Late entry', '2026-01-01T10:00:00Z', { recordedAt: '2026-02-01T10:00:00Z' })
    .source('s3', 'feedback', 'Later', '2026-03-01T10:00:00Z', { recordedAt: '2026-03-01T10:00:00Z' });

  it('orders by business time, keeping the given order for ties', () => {
    expect(sliceEvents(log.events, {}).map((e) => e.streamId)).toEqual(['source-s2', 'source-s1', 'source-s3']);
  });

  it('keeps only what was recorded by asOf (record time)', () => {
    expect(sliceEvents(log.events, { asOf: new Date('2026-01-31T00:00:00Z') }).map((e) => e.streamId)).toEqual(['source-s1']);
  });

  it('keeps only what had occurred by validAt (business time)', () => {
    expect(sliceEvents(log.events, { validAt: new Date('2026-01-31T00:00:00Z') }).map((e) => e.streamId)).toEqual([
      'source-s2',
      'source-s1',
    ]);
  });

  it('cuts the partnership’s own stream (agencies, subgroups) by record time only', () => {
    const withAgency = new EventLog()
      .source('s1', 'feedback', 'Survey', '2026-01-05T10:00:00Z')
      .agency('ag1', 'Police', 'police', '2026-06-01T10:00:00Z');
    expect(sliceEvents(withAgency.events, { validAt: new Date('2026-01-31T00:00:00Z') }).map((e) => e.type)).toEqual([
      'SourceRecorded',
      'AgencyAdded',
    ]);
    expect(sliceEvents(withAgency.events, { asOf: new Date('2026-01-31T00:00:00Z') }).map((e) => e.type)).toEqual(['SourceRecorded']);
  });

  it('judges derived values at validAt, else asOf, else now', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const asOf = new Date('2026-05-01T00:00:00Z');
    const validAt = new Date('2026-04-01T00:00:00Z');
    expect(referenceInstant({ asOf, validAt }, now)).toBe(validAt);
    expect(referenceInstant({ asOf }, now)).toBe(asOf);
    expect(referenceInstant({}, now)).toBe(now);
  });
});

describe('folding the ledger', () => {
  it('joins sources, findings, recommendations, actions and agencies by id', () => {
    const ledger = foldLedger(plan().events);
    expect(ledger.partnership?.name).toBe('Northshire Safeguarding Children Partnership');
    expect(ledger.sources.get('s1')?.findingIds).toEqual(['f1']);
    expect(ledger.recommendations.get('r1')).toMatchObject({ sourceId: 's1', findingIds: ['f1'] });
    expect(ledger.actions.get('a1')).toMatchObject({ status: 'proposed', leadAgencyId: POLICE, targetDate: '2026-03-31' });
    expect(ledger.agencies.get(POLICE)?.name).toBe('Northshire Constabulary');
  });

  it('folds a stream in version order, so a back-dated agreement before the proposal still counts', () => {
    const log = plan().act('a1', 'ActionAgreed', '2026-02-01T10:00:00Z', {}, { forum: 'L&I subgroup' });
    const ledger = foldLedger(sliceEvents(log.events, {}));
    expect(ledger.actions.get('a1')).toMatchObject({
      status: 'agreed',
      firstAgreed: { at: '2026-02-01T10:00:00Z', forum: 'L&I subgroup' },
    });
  });

  it('ignores events of an item whose creating event is outside the slice', () => {
    const log = plan().act('a1', 'ActionAgreed', '2026-02-01T10:00:00Z');
    const ledger = foldLedger(sliceEvents(log.events, { validAt: new Date('2026-02-05T00:00:00Z') }));
    expect(ledger.actions.has('a1')).toBe(false);
  });

  it('follows impact the way the action plan does: verified → awaiting evidence → evidence attached → assured → reopened', () => {
    const log = plan()
      .act('a1', 'ActionAgreed', '2026-02-11T10:00:00Z')
      .act('a1', 'ActionStarted', '2026-02-12T10:00:00Z')
      .evidence('a1', 'e1', '2026-02-20T10:00:00Z', false)
      .act('a1', 'CompletionClaimed', '2026-02-25T10:00:00Z')
      .act('a1', 'CompletionVerified', '2026-03-02T10:00:00Z', {}, { forum: 'QA subgroup' });
    expect(foldLedger(log.events).actions.get('a1')?.impactStatus).toBe('awaiting-evidence');
    log.evidence('a1', 'e2', '2026-04-01T10:00:00Z', true);
    expect(foldLedger(log.events).actions.get('a1')?.impactStatus).toBe('evidence-attached');
    log.act('a1', 'ImpactAssured', '2026-04-10T10:00:00Z', { method: 'repeat audit' });
    expect(foldLedger(log.events).actions.get('a1')).toMatchObject({
      status: 'impact-assured',
      impactStatus: 'assured',
      impactEvidenceCount: 1,
    });
    log.act('a1', 'ActionClosed', '2026-04-11T10:00:00Z').act('a1', 'ActionReopened', '2026-05-01T10:00:00Z', { reason: 'Did not last' });
    expect(foldLedger(log.events).actions.get('a1')).toMatchObject({
      status: 'in-progress',
      impactStatus: 'evidence-attached',
      impactAssured: null,
      closed: null,
    });
  });
});

describe('action timeliness', () => {
  const today = '2026-04-10';

  it('is overdue once the current target date has passed while completion is unverified: 10 days late', () => {
    const action = foldLedger(plan().act('a1', 'ActionAgreed', '2026-02-11T10:00:00Z').events).actions.get('a1')!;
    expect(isOverdue(action, today)).toBe(true);
    expect(daysLate(action, today)).toBe(10);
    expect(isOverdue(action, '2026-03-31')).toBe(false);
  });

  it('has slipped after a revision, and is judged against the revised date', () => {
    const log = plan().act('a1', 'TargetDateRevised', '2026-03-20T10:00:00Z', {
      previousTargetDate: '2026-03-31',
      newTargetDate: '2026-06-30',
      originalTargetDate: '2026-03-31',
      reason: 'Trainer',
    });
    const action = foldLedger(log.events).actions.get('a1')!;
    expect(isSlipped(action)).toBe(true);
    expect(isOverdue(action, today)).toBe(false);
    expect(daysLate(action, today)).toBe(0);
  });

  it('counts a late completion to the day it was verified, and stops the clock there', () => {
    const log = plan()
      .evidence('a1', 'e1', '2026-03-01T10:00:00Z', false)
      .act('a1', 'CompletionClaimed', '2026-04-01T10:00:00Z')
      .act('a1', 'CompletionVerified', '2026-04-05T10:00:00Z');
    const action = foldLedger(log.events).actions.get('a1')!;
    expect(isOverdue(action, today)).toBe(false);
    expect(daysLate(action, today)).toBe(5);
  });

  it('never counts a cancelled action as late', () => {
    const action = foldLedger(plan().act('a1', 'ActionCancelled', '2026-04-01T10:00:00Z', { reason: 'Overtaken' }).events).actions.get(
      'a1',
    )!;
    expect(daysLate(action, today)).toBeNull();
    expect(isOverdue(action, today)).toBe(false);
  });
});

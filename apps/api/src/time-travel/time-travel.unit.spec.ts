import { InvalidInput, type EventMetadata, type RecordedEvent } from '@ledger/event-sourcing';
import { actionsProjection } from '@ledger/learning';
import { changesBetween } from './changes';
import { describeInstants, instantsOf, judgedAt } from './instants';
import { itemOf } from './items';
import { foldMarkingBackdated, Snapshot } from './snapshot';
import { decodeCursor, encodeCursor, timelineEntries } from './timeline';

const PID = '00000000-0000-4000-8000-0000000000b1';
const POLICE = '00000000-0000-4000-8000-0000000000d1';
const SOURCE = '00000000-0000-4000-8000-0000000000f1';
const REC = '00000000-0000-4000-8000-0000000000c1';
const ACTION = '00000000-0000-4000-8000-0000000000a1';

let position = 0;
const versions = new Map<string, number>();
/** A stored event as the log hands it back; each call is the next in commit order. */
function event(streamId: string, type: string, data: object, occurredAt: string, extra: Partial<EventMetadata> = {}): RecordedEvent {
  position += 1;
  const version = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, version);
  return {
    type,
    data,
    metadata: {
      eventId: `e-${position}`,
      partnershipId: PID,
      actor: { userId: 'manager', role: 'partnership-admin' },
      correlationId: 'c',
      causationId: `cmd-${position}`,
      occurredAt,
      ...extra,
    },
    schemaVersion: 1,
    streamId,
    streamVersion: BigInt(version),
    globalPosition: BigInt(position),
    position: `100:${position}`,
    recordedAt: new Date(Date.UTC(2025, 5, 1, 9, position)),
  };
}

const backdated = { backdatedReason: 'From the minutes' };
const log: RecordedEvent[] = [
  event(
    `partnership-${PID}`,
    'PartnershipRegistered',
    { partnershipId: PID, name: 'Synthetic Partnership', localAuthorities: ['Council'] },
    '2025-01-01T09:00:00.000Z',
    backdated,
  ),
  event(
    `partnership-${PID}`,
    'AgencyAdded',
    { partnershipId: PID, agencyId: POLICE, name: 'Synthetic Constabulary', kind: 'police' },
    '2025-01-01T09:00:00.000Z',
    backdated,
  ),
  event(
    `source-${SOURCE}`,
    'SourceRecorded',
    { sourceId: SOURCE, partnershipId: PID, kind: 'lcspr', title: 'LCSPR 1', reference: null },
    '2025-06-01T09:02:00.000Z',
  ),
  event(
    `recommendation-${REC}`,
    'RecommendationMade',
    {
      recommendationId: REC,
      partnershipId: PID,
      sourceId: SOURCE,
      findingIds: [],
      number: '1',
      text: 'Refresh the policy',
      addresseeAgencyIds: [POLICE],
      scope: 'local',
    },
    '2025-06-01T09:03:00.000Z',
  ),
  event(
    `action-${ACTION}`,
    'ActionProposed',
    {
      actionId: ACTION,
      partnershipId: PID,
      recommendationIds: [REC],
      description: 'Write the policy',
      leadAgencyId: POLICE,
      owner: null,
      targetDate: '2025-09-30',
      successMeasure: 'Audit',
    },
    '2025-06-01T09:04:00.000Z',
  ),
  event(`action-${ACTION}`, 'ActionAgreed', { actionId: ACTION }, '2025-05-01T09:00:00.000Z', { ...backdated, forum: 'Subgroup' }),
  event(`action-${ACTION}`, 'ActionCancelled', { actionId: ACTION, reason: 'Overtaken by national guidance' }, '2025-06-01T09:06:00.000Z'),
];
const upTo = (n: number) => log.slice(0, n);

describe('instants', () => {
  it('is a live query without asOf and validAt, and names a bad one', () => {
    expect(instantsOf({})).toBeNull();
    expect(instantsOf({ asOf: '2025-06-01T10:00:00+01:00' })).toEqual({ asOf: new Date('2025-06-01T09:00:00Z') });
    expect(() => instantsOf({ validAt: '2025-02-30T00:00:00Z' })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ field: 'validAt' })] }),
    );
  });

  it('judges derived values at business time when given, else record time', () => {
    const at = { asOf: new Date('2025-06-01T00:00:00Z'), validAt: new Date('2025-03-01T00:00:00Z') };
    expect(judgedAt(at)).toEqual(at.validAt);
    expect(judgedAt({ asOf: at.asOf })).toEqual(at.asOf);
    expect(describeInstants({ asOf: at.asOf })).toEqual({ asOf: '2025-06-01T00:00:00.000Z', validAt: null });
  });
});

describe('foldMarkingBackdated', () => {
  it('folds through the projection and counts the back-dated events of each document', () => {
    const { docs, backdated } = foldMarkingBackdated(actionsProjection, log);
    expect(docs.get(ACTION)?.status).toBe('cancelled');
    expect([...backdated]).toEqual([[ACTION, 1]]);
  });

  it('counts nothing for a document its events never created', () => {
    expect(foldMarkingBackdated(actionsProjection, [log[5]!]).backdated.size).toBe(0);
  });
});

describe('Snapshot', () => {
  const now = new Date('2025-06-02T00:00:00Z');

  it('answers each read model with the live filters and derivations, marked', () => {
    const snapshot = new Snapshot(PID, upTo(6), now);
    expect(snapshot.action(ACTION)).toMatchObject({ status: 'agreed', overdue: false, backdated: true, backdatedEvents: 1 });
    expect(snapshot.actions({ status: 'proposed' })).toEqual([]);
    expect(snapshot.recommendation(REC)).toMatchObject({
      status: 'in-delivery',
      actionIds: [ACTION],
      backdated: false,
      backdatedEvents: 0,
    });
    expect(snapshot.sources({})).toEqual([expect.objectContaining({ id: SOURCE, findingCount: 0 })]);
    expect(snapshot.partnership()).toMatchObject({ name: 'Synthetic Partnership', backdatedEvents: 2 });
    expect(snapshot.actionPlan({})).toEqual([
      expect.objectContaining({
        leadAgency: { id: POLICE, name: 'Synthetic Constabulary' },
        source: { id: SOURCE, kind: 'lcspr', title: 'LCSPR 1' },
        backdatedEvents: 1,
      }),
    ]);
    expect(snapshot.challenges({})).toEqual([]);
    expect(snapshot.challenge('nope')).toBeNull();
  });

  it('judges timeliness at its instant', () => {
    expect(new Snapshot(PID, upTo(6), new Date('2025-10-02T00:00:00Z')).action(ACTION)).toMatchObject({
      overdue: true,
      timeliness: 'overdue',
    });
  });
});

describe('changesBetween', () => {
  it('groups the window by item with state before and after, changed fields and the events’ who, forum and why', () => {
    const items = changesBetween(new Snapshot(PID, upTo(5), new Date(0)), new Snapshot(PID, log, new Date(0)), log.slice(5));
    expect(items).toEqual([
      {
        collection: 'actions',
        id: ACTION,
        title: 'Write the policy',
        before: { status: 'proposed', version: 1 },
        after: { status: 'cancelled', version: 3 },
        changedFields: ['agreedAt', 'cancelReason', 'status'],
        events: [
          expect.objectContaining({
            type: 'ActionAgreed',
            forum: 'Subgroup',
            reason: 'From the minutes',
            backdated: true,
            actor: expect.objectContaining({ userId: 'manager' }),
          }),
          expect.objectContaining({ type: 'ActionCancelled', forum: null, reason: 'Overtaken by national guidance', backdated: false }),
        ],
      },
    ]);
  });

  it('shows a new item with no state before', () => {
    const [source] = changesBetween(new Snapshot(PID, upTo(2), new Date(0)), new Snapshot(PID, upTo(3), new Date(0)), log.slice(2, 3));
    expect(source).toMatchObject({ collection: 'sources', before: null, after: { status: 'open', version: 1 }, title: 'LCSPR 1' });
  });
});

describe('timeline', () => {
  it('has opaque cursors that round-trip, and refuses any other, naming cursor', () => {
    const cursor = encodeCursor('123:45');
    expect(cursor).not.toContain('123:45');
    expect(decodeCursor(cursor)).toEqual({ transactionId: '123', globalPosition: '45' });
    for (const bad of ['123:45', encodeCursor('x:1'), 'a b']) {
      expect(() => decodeCursor(bad)).toThrow(InvalidInput);
    }
  });

  it('gives each event its item and, with the streams, the item’s state right after it', () => {
    const actions = log.filter((entry) => entry.streamId === `action-${ACTION}`);
    const entries = timelineEntries(actions, new Map([[`action-${ACTION}`, actions]]));
    expect(entries.map((entry) => [entry.type, entry.collection, entry.itemId, (entry.state as { status: string }).status])).toEqual([
      ['ActionProposed', 'actions', ACTION, 'proposed'],
      ['ActionAgreed', 'actions', ACTION, 'agreed'],
      ['ActionCancelled', 'actions', ACTION, 'cancelled'],
    ]);
    expect(timelineEntries(actions)[0]).not.toHaveProperty('state');
    expect(itemOf({ ...log[0]!, type: 'SomethingElse' })).toBeNull();
  });
});

import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventMetadata } from '@ledger/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@ledger/testing';
import { EventLog } from './event-log';
import { Snapshot } from './snapshot';

describe('EventLog as-of reads', () => {
  let db: TestDatabase;
  let log: EventLog;
  const pid = randomUUID();
  const otherPid = randomUUID();
  const actionId = randomUUID();
  const proposedAt = '2025-06-10T09:00:00.000Z';
  const updateAt = '2025-06-03T09:00:00.000Z';
  let recordedProposal: Date;

  const metadata = (partnershipId: string, occurredAt: string, backdatedReason?: string): EventMetadata => ({
    eventId: randomUUID(),
    partnershipId,
    actor: { userId: 'lead', role: 'agency-lead' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt,
    ...(backdatedReason ? { backdatedReason } : {}),
  });
  const proposal = (id: string, partnershipId: string) => ({
    type: 'ActionProposed',
    data: {
      actionId: id,
      partnershipId,
      recommendationIds: [],
      description: 'Write the policy',
      leadAgencyId: 'police',
      owner: null,
      targetDate: '2025-12-31',
      successMeasure: 'Audit',
    },
    metadata: metadata(partnershipId, proposedAt),
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    log = new EventLog(db.dataSource);
    const store = new PostgresEventStore(db.pool);
    await store.appendToStream(`action-${actionId}`, 'no-stream', [proposal(actionId, pid)]);
    recordedProposal = (await store.readStream(`action-${actionId}`))[0]!.recordedAt;
    // Proposed today, then a progress update back-dated to a week before the proposal.
    await store.appendToStream(`action-${actionId}`, 1n, [
      {
        type: 'ProgressUpdated',
        data: { actionId, updateId: randomUUID(), narrative: 'Earlier work', rag: 'green' },
        metadata: metadata(pid, updateAt, 'From the minutes'),
      },
    ]);
    await store.appendToStream(`action-${randomUUID()}`, 'no-stream', [proposal(randomUUID(), otherPid)]);
  });
  afterAll(async () => {
    await db.drop();
  });

  const action = async (at: { asOf?: Date; validAt?: Date }) =>
    new Snapshot(pid, await log.partnershipEvents(pid, at), new Date(proposedAt)).action(actionId);

  it('reads only the partnership’s events, in commit order', async () => {
    const events = await log.partnershipEvents(pid, { asOf: new Date(Date.now() + 60_000) });
    expect(events.map((event) => [event.type, event.streamVersion])).toEqual([
      ['ActionProposed', 1n],
      ['ProgressUpdated', 2n],
    ]);
  });

  it('asOf: includes an event recorded in the same millisecond as the instant, not one recorded later', async () => {
    expect(await action({ asOf: recordedProposal })).toMatchObject({ version: 1, updateCount: 0 });
    expect(await action({ asOf: new Date(recordedProposal.getTime() - 1) })).toBeNull();
  });

  it('validAt: keeps each stream in its own order, so an event back-dated before its stream began still counts once the stream exists', async () => {
    expect(await action({ validAt: new Date(proposedAt) })).toMatchObject({ updateCount: 1, lastProgressAt: updateAt, backdatedEvents: 1 });
    expect(await action({ validAt: new Date('2025-06-05T00:00:00Z') })).toBeNull();
  });
});

import { foldProjection, type Actor, type RecordedEvent } from '@ledger/event-sourcing';
import type { ChallengeEvent } from '../../domain/challenge.events';
import {
  ACTION_ID,
  CHALLENGE_ID,
  PARTNERSHIP_ID,
  POLICE_ID,
  acknowledged,
  accepted,
  closed,
  escalated,
  linked,
  raised,
  rejected,
  resolved,
  responded,
  withdrawn,
} from '../../domain/challenge.fixtures';
import { challengesProjection } from './challenges.projection';

const chair: Actor = { userId: 'user-chair-1', role: 'board-member', agencyId: '0b8f0c3e-1d2a-4f6b-8e7c-1a2b3c4d5e01' };

/** The events as the store would hand them back, one per day from 10 March 2025. */
function stored(events: readonly ChallengeEvent[], actor: Actor = chair): RecordedEvent[] {
  return events.map((event, index) => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: `event-${index}`,
      partnershipId: PARTNERSHIP_ID,
      actor,
      correlationId: 'correlation-1',
      causationId: `command-${index}`,
      occurredAt: new Date(Date.UTC(2025, 2, 10 + index, 9)).toISOString(),
    },
    schemaVersion: 1,
    streamId: `challenge-${CHALLENGE_ID}`,
    streamVersion: BigInt(index + 1),
    globalPosition: BigInt(index + 1),
    position: `0:${index + 1}`,
    recordedAt: new Date(Date.UTC(2025, 2, 10 + index, 9, 0, 1)),
  }));
}

const day = (n: number) => new Date(Date.UTC(2025, 2, 10 + n, 9)).toISOString();
const documentAfter = (events: readonly ChallengeEvent[], actor?: Actor) =>
  foldProjection(challengesProjection, stored(events, actor)).get(CHALLENGE_ID);

describe('challenges projection', () => {
  it('records a raised challenge and who raised it', () => {
    expect(documentAfter([raised()])).toEqual({
      id: CHALLENGE_ID,
      partnershipId: PARTNERSHIP_ID,
      toAgencyId: POLICE_ID,
      raisedBy: { userId: 'user-chair-1', role: 'board-member', agencyId: chair.agencyId },
      subject: 'Attendance at strategy discussions',
      detail: 'Audit found police attendance at strategy discussions below the agreed standard.',
      responseDueDate: '2025-04-07',
      status: 'raised',
      escalationLevel: null,
      escalations: [],
      responses: [],
      rejections: [],
      outcome: null,
      withdrawnReason: null,
      linkedActionIds: [],
      raisedAt: day(0),
      acknowledgedAt: null,
      respondedAt: null,
      resolvedAt: null,
      withdrawnAt: null,
      closedAt: null,
      version: 1,
    });
  });

  it('keeps a null agency when the raiser had none', () => {
    expect(documentAfter([raised()], { userId: 'user-admin', role: 'partnership-admin' })?.raisedBy).toEqual({
      userId: 'user-admin',
      role: 'partnership-admin',
      agencyId: null,
    });
  });

  it('follows the lifecycle, keeping responses, rejections, escalations and the first response time', () => {
    const doc = documentAfter([
      raised(),
      acknowledged(),
      responded('First answer.'),
      rejected('Not enough.'),
      escalated({ level: 'lead-partner', reason: 'Unresolved.' }),
      responded('Second answer.'),
      accepted(),
      resolved('Attendance restored.'),
      linked(),
      closed(),
    ]);
    expect(doc).toMatchObject({
      status: 'closed',
      escalationLevel: 'lead-partner',
      escalations: [{ level: 'lead-partner', reason: 'Unresolved.', occurredAt: day(4) }],
      responses: [
        { response: 'First answer.', occurredAt: day(2) },
        { response: 'Second answer.', occurredAt: day(5) },
      ],
      rejections: [{ reason: 'Not enough.', occurredAt: day(3) }],
      outcome: 'Attendance restored.',
      linkedActionIds: [ACTION_ID],
      acknowledgedAt: day(1),
      respondedAt: day(2),
      resolvedAt: day(7),
      closedAt: day(9),
      version: 10,
    });
  });

  it.each([
    ['acknowledged', [raised(), acknowledged()]],
    ['responded', [raised(), acknowledged(), responded()]],
    ['response-accepted', [raised(), acknowledged(), responded(), accepted()]],
    ['response-rejected', [raised(), acknowledged(), responded(), rejected()]],
    ['escalated', [raised(), escalated()]],
  ] as const)('shows the status %s', (status, events) => {
    expect(documentAfter(events)?.status).toBe(status);
  });

  it('records a withdrawal with its reason', () => {
    expect(documentAfter([raised(), withdrawn('Raised in error.')])).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: 'Raised in error.',
      withdrawnAt: day(1),
    });
  });

  it('extracts the filter columns', () => {
    const doc = documentAfter([raised(), escalated({ level: 'independent-scrutineer' })])!;
    expect(challengesProjection.columns(doc)).toEqual({
      status: 'escalated',
      to_agency_id: POLICE_ID,
      escalation_level: 'independent-scrutineer',
      response_due_date: '2025-04-07',
      version: 2,
    });
    expect(challengesProjection.partnershipIdOf(doc)).toBe(PARTNERSHIP_ID);
  });

  it('ignores an event for a challenge it never saw raised', () => {
    expect(documentAfter([acknowledged()])).toBeUndefined();
  });
});

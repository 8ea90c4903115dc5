import { foldProjection, type RecordedEvent } from '@ledger/event-sourcing';
import type { PartnershipEvent } from '../../domain/partnership.events';
import {
  COUNCIL_ID,
  PARTNERSHIP_ID,
  POLICE_ID,
  SUBGROUP_ID,
  agencyAdded,
  registered,
  subgroupEstablished,
  themesPublished,
} from '../../domain/partnership.fixtures';
import { partnershipsProjection } from './partnerships.projection';

/** The events as the store would hand them back, one per day from 10 March 2025. */
function stored(events: readonly PartnershipEvent[]): RecordedEvent[] {
  return events.map((event, index) => ({
    type: event.type,
    data: event.data,
    metadata: {
      eventId: `event-${index}`,
      partnershipId: PARTNERSHIP_ID,
      actor: { userId: 'user-business-unit-1', role: 'partnership-admin' },
      correlationId: 'correlation-1',
      causationId: `command-${index}`,
      occurredAt: new Date(Date.UTC(2025, 2, 10 + index, 9)).toISOString(),
    },
    schemaVersion: 1,
    streamId: `partnership-${PARTNERSHIP_ID}`,
    streamVersion: BigInt(index + 1),
    globalPosition: BigInt(index + 1),
    position: `0:${index + 1}`,
    recordedAt: new Date(Date.UTC(2025, 2, 10 + index, 9, 0, 1)),
  }));
}

const day = (n: number) => new Date(Date.UTC(2025, 2, 10 + n, 9)).toISOString();

describe('partnerships projection', () => {
  it('builds the partnership with its agencies, subgroups and latest themes', () => {
    const docs = foldProjection(
      partnershipsProjection,
      stored([
        registered(),
        agencyAdded(),
        agencyAdded({ agencyId: POLICE_ID, name: 'Northshire Constabulary', kind: 'police' }),
        subgroupEstablished(),
        themesPublished(),
        themesPublished({ taxonomyVersion: 2, themes: ['neglect'] }),
      ]),
    );

    expect(docs.get(PARTNERSHIP_ID)).toEqual({
      id: PARTNERSHIP_ID,
      name: 'Northshire Safeguarding Children Partnership',
      localAuthorities: ['Northshire County Council'],
      agencies: [
        { id: COUNCIL_ID, name: 'Northshire County Council', kind: 'local-authority', addedAt: day(1) },
        { id: POLICE_ID, name: 'Northshire Constabulary', kind: 'police', addedAt: day(2) },
      ],
      subgroups: [{ id: SUBGROUP_ID, name: 'Learning and Improvement', establishedAt: day(3) }],
      themes: ['neglect'],
      taxonomyVersion: 2,
      version: 6,
      registeredAt: day(0),
    });
  });

  it('extracts the name and version columns and belongs to itself', () => {
    const doc = foldProjection(partnershipsProjection, stored([registered(), agencyAdded()])).get(PARTNERSHIP_ID)!;

    expect(partnershipsProjection.columns(doc)).toEqual({ name: 'Northshire Safeguarding Children Partnership', version: 2 });
    expect(partnershipsProjection.partnershipIdOf(doc)).toBe(PARTNERSHIP_ID);
  });

  it('ignores events of a partnership it never saw registered', () => {
    expect(foldProjection(partnershipsProjection, stored([agencyAdded()])).size).toBe(0);
  });
});

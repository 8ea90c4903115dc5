import type { DocumentProjection, RecordedEvent } from '@ledger/event-sourcing';
import { PARTNERSHIP_EVENT_TYPES } from '../../domain/partnership.events';
import { upcastPartnershipEvent } from '../../schemas/partnership.schemas';
import type { PartnershipDocument } from './partnership.document';

function evolve(doc: PartnershipDocument | null, recorded: RecordedEvent): PartnershipDocument | null {
  const event = upcastPartnershipEvent(recorded);
  const at = recorded.metadata.occurredAt;
  const version = Number(recorded.streamVersion);
  if (event.type === 'PartnershipRegistered') {
    const { partnershipId, name, localAuthorities } = event.data;
    return {
      id: partnershipId,
      name,
      localAuthorities,
      agencies: [],
      subgroups: [],
      themes: [],
      taxonomyVersion: 0,
      version,
      registeredAt: at,
    };
  }
  if (doc === null) return null;
  switch (event.type) {
    case 'AgencyAdded': {
      const { agencyId, name, kind } = event.data;
      return { ...doc, agencies: [...doc.agencies, { id: agencyId, name, kind, addedAt: at }], version };
    }
    case 'SubgroupEstablished': {
      const { subgroupId, name } = event.data;
      return { ...doc, subgroups: [...doc.subgroups, { id: subgroupId, name, establishedAt: at }], version };
    }
    case 'ThemeListPublished':
      return { ...doc, themes: event.data.themes, taxonomyVersion: event.data.taxonomyVersion, version };
    default: {
      const unhandled: never = event;
      void unhandled;
      return doc;
    }
  }
}

/** Single-stream, async: one document per partnership stream, in rm_partnerships. */
export const partnershipsProjection: DocumentProjection<PartnershipDocument> = {
  name: 'partnerships',
  version: 1,
  table: 'rm_partnerships',
  canHandle: PARTNERSHIP_EVENT_TYPES,
  documentIds: (event) => [(event.data as { partnershipId: string }).partnershipId],
  evolve,
  columns: (doc) => ({ name: doc.name, version: doc.version }),
  partnershipIdOf: (doc) => doc.id,
};

import type { PartnershipEvent, PartnershipEventType } from '../domain/partnership.events';
import type { AgencyAddedV1, PartnershipRegisteredV1, SubgroupEstablishedV1, ThemeListPublishedV1 } from './partnership-event.v1';

/** Every stored version of every partnership event type. */
interface StoredShapes {
  PartnershipRegistered: { 1: PartnershipRegisteredV1 };
  AgencyAdded: { 1: AgencyAddedV1 };
  SubgroupEstablished: { 1: SubgroupEstablishedV1 };
  ThemeListPublished: { 1: ThemeListPublishedV1 };
}

type DataOf<T extends PartnershipEventType> = Extract<PartnershipEvent, { type: T }>['data'];

/** One upcaster per stored version, each mapping that version's JSON to today's event data. */
type Upcasters = { [T in PartnershipEventType]: { [V in keyof StoredShapes[T]]: (data: StoredShapes[T][V]) => DataOf<T> } };

const upcasters: Upcasters = {
  PartnershipRegistered: { 1: (data) => data },
  AgencyAdded: { 1: (data) => data },
  SubgroupEstablished: { 1: (data) => data },
  ThemeListPublished: { 1: (data) => data },
};

/** The schema version new events of each type are written with. */
export const PARTNERSHIP_SCHEMA_VERSIONS: { readonly [T in PartnershipEventType]: number } = {
  PartnershipRegistered: 1,
  AgencyAdded: 1,
  SubgroupEstablished: 1,
  ThemeListPublished: 1,
};

/** Names of the stored schemas (`AgencyAdded.v1`, ...), e.g. for the event catalogue. */
export const PARTNERSHIP_EVENT_SCHEMAS: readonly string[] = Object.entries(upcasters).flatMap(([type, versions]) =>
  Object.keys(versions).map((version) => `${type}.v${version}`),
);

export interface StoredPartnershipEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

export class UnknownPartnershipEventSchema extends Error {
  constructor(type: string, schemaVersion: number) {
    super(`no upcaster for stored event ${type}.v${schemaVersion}`);
    this.name = 'UnknownPartnershipEventSchema';
  }
}

function isPartnershipEventType(type: string): type is PartnershipEventType {
  return Object.prototype.hasOwnProperty.call(upcasters, type);
}

/** Maps a stored event (type, schemaVersion, data as stored) to the current in-memory event. */
export function upcastPartnershipEvent(stored: StoredPartnershipEvent): PartnershipEvent {
  const { type, schemaVersion } = stored;
  if (!isPartnershipEventType(type)) throw new UnknownPartnershipEventSchema(type, schemaVersion);
  const versions = upcasters[type] as Readonly<Record<number, ((data: never) => PartnershipEvent['data']) | undefined>>;
  const upcast = versions[schemaVersion];
  if (!upcast) throw new UnknownPartnershipEventSchema(type, schemaVersion);
  return { type, data: upcast(stored.data as never) } as PartnershipEvent;
}

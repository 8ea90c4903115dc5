import type { PersonEvent } from '../domain/person/person.events';
import type { RedactionEvent } from '../domain/redaction/redaction.events';
import type { FieldRedactedV1, PersonForgottenV1, PersonRegisteredV1 } from './people-event.v1';

export type PeopleEvent = PersonEvent | RedactionEvent;
export type PeopleEventType = PeopleEvent['type'];

interface StoredShapes {
  PersonRegistered: { 1: PersonRegisteredV1 };
  PersonForgotten: { 1: PersonForgottenV1 };
  FieldRedacted: { 1: FieldRedactedV1 };
}

type DataOf<T extends PeopleEventType> = Extract<PeopleEvent, { type: T }>['data'];
type Upcasters = { [T in PeopleEventType]: { [V in keyof StoredShapes[T]]: (data: StoredShapes[T][V]) => DataOf<T> } };

const upcasters: Upcasters = {
  PersonRegistered: { 1: (data) => data },
  PersonForgotten: { 1: (data) => data },
  FieldRedacted: { 1: (data) => data },
};

/** The schema version new events of each type are written with. */
export const PEOPLE_SCHEMA_VERSIONS: { readonly [T in PeopleEventType]: number } = {
  PersonRegistered: 1,
  PersonForgotten: 1,
  FieldRedacted: 1,
};

export const PEOPLE_EVENT_TYPES: readonly PeopleEventType[] = ['PersonRegistered', 'PersonForgotten', 'FieldRedacted'];

/** `PersonRegistered.v1`, ... for the event catalogue. */
export const PEOPLE_EVENT_SCHEMAS: readonly string[] = Object.entries(upcasters).flatMap(([type, versions]) =>
  Object.keys(versions).map((version) => `${type}.v${version}`),
);

export class UnknownPeopleEventSchema extends Error {
  constructor(type: string, schemaVersion: number) {
    super(`no upcaster for stored event ${type}.v${schemaVersion}`);
    this.name = 'UnknownPeopleEventSchema';
  }
}

export function isPeopleEventType(type: string): type is PeopleEventType {
  return Object.prototype.hasOwnProperty.call(upcasters, type);
}

/** Maps a stored event (type, schemaVersion, data as stored) to the current in-memory event. */
export function upcastPeopleEvent(stored: { readonly type: string; readonly schemaVersion: number; readonly data: unknown }): PeopleEvent {
  const { type, schemaVersion } = stored;
  if (!isPeopleEventType(type)) throw new UnknownPeopleEventSchema(type, schemaVersion);
  const versions = upcasters[type] as Readonly<Record<number, ((data: never) => PeopleEvent['data']) | undefined>>;
  const upcast = versions[schemaVersion];
  if (!upcast) throw new UnknownPeopleEventSchema(type, schemaVersion);
  return { type, data: upcast(stored.data as never) } as PeopleEvent;
}

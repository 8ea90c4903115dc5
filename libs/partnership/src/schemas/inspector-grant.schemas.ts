import type { InspectorGrantEvent, InspectorGrantEventType } from '../domain/inspector-grant/inspector-grant.events';

/** Stored JSON of the inspector-grant events, version 1, frozen (instants as ISO-8601 strings). */
export interface InspectorAccessGrantedV1 {
  readonly grantId: string;
  readonly partnershipId: string;
  readonly inspectorId: string;
  readonly from: string;
  readonly until: string;
  readonly reason: string;
}

export interface InspectorAccessRevokedV1 {
  readonly grantId: string;
  readonly partnershipId: string;
  readonly inspectorId: string;
  readonly reason: string;
}

interface StoredShapes {
  InspectorAccessGranted: { 1: InspectorAccessGrantedV1 };
  InspectorAccessRevoked: { 1: InspectorAccessRevokedV1 };
}

type DataOf<T extends InspectorGrantEventType> = Extract<InspectorGrantEvent, { type: T }>['data'];
type Upcasters = {
  [T in InspectorGrantEventType]: { [V in keyof StoredShapes[T]]: (data: StoredShapes[T][V]) => DataOf<T> };
};

const upcasters: Upcasters = {
  InspectorAccessGranted: { 1: (data) => data },
  InspectorAccessRevoked: { 1: (data) => data },
};

export const INSPECTOR_GRANT_SCHEMA_VERSIONS: { readonly [T in InspectorGrantEventType]: number } = {
  InspectorAccessGranted: 1,
  InspectorAccessRevoked: 1,
};

export const INSPECTOR_GRANT_EVENT_SCHEMAS: readonly string[] = Object.entries(upcasters).flatMap(([type, versions]) =>
  Object.keys(versions).map((version) => `${type}.v${version}`),
);

export class UnknownInspectorGrantEventSchema extends Error {
  constructor(type: string, schemaVersion: number) {
    super(`no upcaster for stored event ${type}.v${schemaVersion}`);
    this.name = 'UnknownInspectorGrantEventSchema';
  }
}

export function isInspectorGrantEventType(type: string): type is InspectorGrantEventType {
  return Object.prototype.hasOwnProperty.call(upcasters, type);
}

/** Maps a stored inspector-grant event (any known schema version) to the current in-memory event. */
export function upcastInspectorGrantEvent(stored: {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}): InspectorGrantEvent {
  const { type, schemaVersion } = stored;
  if (!isInspectorGrantEventType(type)) throw new UnknownInspectorGrantEventSchema(type, schemaVersion);
  const versions = upcasters[type] as Readonly<Record<number, ((data: never) => InspectorGrantEvent['data']) | undefined>>;
  const upcast = versions[schemaVersion];
  if (!upcast) throw new UnknownInspectorGrantEventSchema(type, schemaVersion);
  return { type, data: upcast(stored.data as never) } as InspectorGrantEvent;
}

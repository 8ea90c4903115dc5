/** What the people context needs from others, as ports bound by apps/api (contexts never import each other). */

export interface PeopleAgencyDirectory {
  /** The partnership's agencies by id. */
  agencies(partnershipId: string): Promise<ReadonlyMap<string, unknown>>;
}

/** One stored event, found by its id (for redactions). */
export interface LoggedEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly partnershipId: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Reads stored events by id; the PostgreSQL binding is `PostgresEventLookup`. */
export interface EventLookup {
  events(eventIds: readonly string[]): Promise<ReadonlyMap<string, LoggedEvent>>;
}

/** The slice of `pg.Pool` the readers use. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

/** A domain event as a decider sees it: an explicit stored type name and readonly data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Readonly<Data>;
}

/** Who did it. `role` is the role the actor acted in; `agencyId` is set when the token names one. */
export interface Actor {
  readonly userId: string;
  readonly role: string;
  readonly agencyId?: string;
}

/**
 * Metadata every stored event carries (DESIGN §3). `occurredAt` is business time and may be
 * back-dated (then `backdatedReason` says why); record time is assigned by the store.
 */
export interface EventMetadata {
  readonly eventId: string;
  readonly partnershipId: string;
  readonly actor: Actor;
  readonly correlationId: string;
  /** The command that caused this event (all events of one command share it). */
  readonly causationId: string;
  readonly occurredAt: string;
  readonly backdatedReason?: string;
  readonly forum?: string;
  /** Hash of the request body when the command carried an Idempotency-Key. */
  readonly requestHash?: string;
}

/** An event on its way into the store. */
export interface NewEvent<E extends DomainEvent = DomainEvent> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
  /** Version of the stored schema of `data`; defaults to 1. */
  readonly schemaVersion?: number;
}

/** An event as read back from the store. */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamVersion: bigint;
  /** Order of insertion across all streams (not commit order; see `position`). */
  readonly globalPosition: bigint;
  /** Opaque, commit-ordered position of this event; comparable only through the store. */
  readonly position: string;
  readonly recordedAt: Date;
}

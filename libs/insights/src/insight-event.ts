import type { Actor } from '@ledger/event-sourcing';

/**
 * What the insights read of a stored event. A `RecordedEvent` is one; so is a plain object, which
 * is how the unit tests write their known event sets. Event types are matched by their stored
 * names, the public vocabulary of docs/event-catalogue.md, so this lib needs no bounded context.
 */
export interface InsightEvent {
  readonly type: string;
  readonly data: object;
  readonly metadata: {
    readonly occurredAt: string;
    readonly forum?: string;
    readonly actor?: Actor;
    readonly partnershipId?: string;
  };
  readonly streamId: string;
  readonly streamVersion: bigint | number;
  readonly recordedAt: Date | string;
}

/**
 * The two clocks of every question (DESIGN §5): `asOf` is record time ("what the ledger showed
 * then"), `validAt` business time ("what was true then"). Either, both or neither.
 */
export interface TimeSlice {
  readonly asOf?: Date;
  readonly validAt?: Date;
}

const millis = (value: Date | string): number => (typeof value === 'string' ? Date.parse(value) : value.getTime());

/**
 * The partnership's own stream (its name, agencies, subgroups) is reference data: it is cut by
 * record time only, so an agency added today still names the actions it led last year.
 */
export const isReferenceData = (event: Pick<InsightEvent, 'streamId'>): boolean => event.streamId.startsWith('partnership-');

/**
 * Pure: the events a question at `slice` may see — recorded at or before `asOf`, occurred at or
 * before `validAt` (reference data excepted) — in business-time order, ties kept in the order
 * given (commit order).
 */
export function sliceEvents<E extends InsightEvent>(events: readonly E[], slice: TimeSlice): E[] {
  const asOf = slice.asOf?.getTime();
  const validAt = slice.validAt?.getTime();
  const occurredInTime = (event: E) => validAt === undefined || isReferenceData(event) || Date.parse(event.metadata.occurredAt) <= validAt;
  return events
    .filter((event) => (asOf === undefined || millis(event.recordedAt) <= asOf) && occurredInTime(event))
    .map((event, index) => ({ event, index, at: Date.parse(event.metadata.occurredAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ event }) => event);
}

/**
 * The instant derived values (overdue, ages, "today") are judged at: business time when given,
 * else record time, else now.
 */
export function referenceInstant(slice: TimeSlice, now: Date): Date {
  return slice.validAt ?? slice.asOf ?? now;
}

/** Readers of untyped stored data: a missing or mistyped field reads as empty, never throws. */
export type EventData = Readonly<Record<string, unknown>>;

export const dataOf = (event: InsightEvent): EventData => event.data as EventData;
export const text = (data: EventData, key: string): string => {
  const value = data[key];
  return typeof value === 'string' ? value : '';
};
export const textOrNull = (data: EventData, key: string): string | null => {
  const value = data[key];
  return typeof value === 'string' ? value : null;
};
export const texts = (data: EventData, key: string): string[] => {
  const value = data[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};
export const flag = (data: EventData, key: string): boolean => data[key] === true;

import type { DomainEvent } from '@ledger/event-sourcing';

/**
 * The text of one field of one earlier event is withdrawn from every view. The earlier event is
 * not touched (the hash chain still verifies); this event is the record that the field existed and
 * was redacted, by whom and why. It carries no text of the field.
 */
export type FieldRedacted = DomainEvent<
  'FieldRedacted',
  {
    readonly partnershipId: string;
    readonly redactionId: string;
    readonly streamId: string;
    readonly eventId: string;
    readonly field: string;
    readonly reason: string;
  }
>;

export type RedactionEvent = FieldRedacted;
export type RedactionEventType = RedactionEvent['type'];

export const REDACTION_EVENT_TYPES: readonly RedactionEventType[] = ['FieldRedacted'];

import type { Command } from '@ledger/event-sourcing';

/** Redact `field` of event `eventId` (found, in the partnership, in stream `streamId`, by the caller). */
export type RedactField = Command<
  'RedactField',
  {
    readonly partnershipId: string;
    readonly redactionId: string;
    readonly streamId: string;
    readonly eventId: string;
    readonly field: string;
    readonly reason: string;
  }
>;

export type RedactionCommand = RedactField;

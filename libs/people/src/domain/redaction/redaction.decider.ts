import type { Decider } from '@ledger/event-sourcing';
import type { RedactionCommand } from './redaction.commands';
import { FieldAlreadyRedacted } from './redaction.errors';
import type { RedactionEvent } from './redaction.events';
import { ReasonRequired } from '../person/person.errors';

/** Every redaction of a partnership is one stream: `redactions-<partnershipId>`. */
export function redactionStreamId(partnershipId: string): string {
  return `redactions-${partnershipId}`;
}

/** Which fields (`<eventId>/<field>`) are redacted already. */
export interface RedactionState {
  readonly redacted: ReadonlySet<string>;
}

const keyOf = (eventId: string, field: string) => `${eventId}/${field}`;

function initialState(): RedactionState {
  return { redacted: new Set() };
}

function evolve(state: RedactionState, event: RedactionEvent): RedactionState {
  return { redacted: new Set([...state.redacted, keyOf(event.data.eventId, event.data.field)]) };
}

function decide(command: RedactionCommand, state: RedactionState): readonly RedactionEvent[] {
  const { partnershipId, redactionId, streamId, eventId, field } = command.data;
  if (state.redacted.has(keyOf(eventId, field))) throw new FieldAlreadyRedacted(field);
  const reason = command.data.reason.trim();
  if (reason === '') throw new ReasonRequired();
  return [{ type: 'FieldRedacted', data: { partnershipId, redactionId, streamId, eventId, field, reason } }];
}

/** The partnership's redaction register: a field is redacted once. */
export const redactionDecider: Decider<RedactionCommand, RedactionEvent, RedactionState> = { initialState, evolve, decide };

import { InvalidInput, newIdFor, NotFound, type CommandContext, type CommandExecutor, type CommandOutcome } from '@ledger/event-sourcing';
import type { RedactField } from '../domain/redaction/redaction.commands';
import { redactionDecider, redactionStreamId } from '../domain/redaction/redaction.decider';
import { EventNotInItem, FieldNotRedactable } from '../domain/redaction/redaction.errors';
import { isRedactableText } from '../domain/redaction/redactable-text';
import type { EventLookup } from './people-ports';

/** The item kinds a redaction may name instead of a stream id, and their stream prefixes. */
export const REDACTABLE_ITEM_KINDS = ['partnership', 'source', 'recommendation', 'action', 'challenge', 'person'] as const;
export type RedactableItemKind = (typeof REDACTABLE_ITEM_KINDS)[number];

export interface RedactFieldBody {
  readonly streamId?: string;
  readonly itemKind?: RedactableItemKind;
  readonly itemId?: string;
  readonly eventId: string;
  readonly field: string;
  readonly reason: string;
}

/**
 * Records FieldRedacted in the partnership's redaction stream after checking that the event is
 * the partnership's, belongs to the item named (if one is), and that the field holds free text.
 * The event itself is never touched.
 */
export class RedactionCommands {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly lookup: EventLookup,
  ) {}

  async redact(context: CommandContext, body: RedactFieldBody): Promise<CommandOutcome> {
    const partnershipId = context.partnershipId;
    const event = (await this.lookup.events([body.eventId])).get(body.eventId);
    if (!event || event.partnershipId !== partnershipId) throw new NotFound('event', body.eventId);
    const named = namedStream(body);
    if (named !== undefined && named !== event.streamId) throw new EventNotInItem();
    if (!isRedactableText(event.data[body.field]) || body.field === 'ciphertext') throw new FieldNotRedactable(body.field);
    const redactionId = newIdFor(context, 'redaction');
    const data: RedactField['data'] = {
      partnershipId,
      redactionId,
      streamId: event.streamId,
      eventId: body.eventId,
      field: body.field,
      reason: body.reason,
    };
    const outcome = await this.executor.execute({
      context,
      id: redactionId,
      streamId: redactionStreamId(partnershipId),
      what: 'redaction register',
      decider: redactionDecider,
      command: (metadata): RedactField => ({ type: 'RedactField', data, metadata }),
      creates: true,
    });
    return outcome;
  }
}

function namedStream(body: RedactFieldBody): string | undefined {
  if (body.itemKind === undefined && body.itemId === undefined) return body.streamId;
  if (body.itemKind === undefined || body.itemId === undefined) {
    throw new InvalidInput(body.itemKind === undefined ? 'itemKind' : 'itemId', 'itemKind and itemId go together');
  }
  const stream = `${body.itemKind}-${body.itemId}`;
  if (body.streamId !== undefined && body.streamId !== stream) throw new EventNotInItem();
  return stream;
}

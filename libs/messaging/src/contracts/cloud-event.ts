import type { Message } from 'kafkajs';
import type { RecordedEvent } from '@ledger/event-sourcing';
import type { IntegrationEvent } from './event-contracts';

export const CLOUD_EVENT_TYPE_PREFIX = 'uk.learning-ledger.';

/** The structured-mode content type of the CloudEvents Kafka binding. */
export const CLOUD_EVENTS_JSON = 'application/cloudevents+json; charset=utf-8';

/** `uk.learning-ledger.<EventType>.v<n>` (DESIGN §7). */
export function cloudEventType(type: string, version: number): string {
  return `${CLOUD_EVENT_TYPE_PREFIX}${type}.v${version}`;
}

/** The ledger's CloudEvents 1.0 envelope: the spec's attributes and the ledger's extensions. */
export interface LedgerCloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: object;
  /** CloudEvents Kafka binding: the message key, here the stream id. */
  readonly partitionkey: string;
  /** The event's version in its stream (1, 2, ...): per-subject order, for consumers that check it. */
  readonly streamversion: number;
  /** Business time (`occurredAt`), which may be back-dated; `time` is when the ledger recorded it. */
  readonly occurredat: string;
  readonly partnershipid: string;
}

/**
 * The envelope of one stored event and its contract (DESIGN §7): id = event id, type from the
 * contract, source = `/partnerships/<pid>`, subject = stream id, time = recordedAt. Built as a
 * plain object on the relay's hot path (the `cloudevents` SDK's constructor validates, clones
 * and freezes each event, which halved the relay's throughput); the unit tests hold every
 * envelope to the SDK's strict validation and Kafka binding instead.
 */
export function toCloudEvent(event: RecordedEvent, contract: IntegrationEvent): LedgerCloudEvent {
  const { eventId, partnershipId, occurredAt } = event.metadata;
  return {
    specversion: '1.0',
    id: eventId,
    type: cloudEventType(contract.type, contract.version),
    source: `/partnerships/${partnershipId}`,
    subject: event.streamId,
    time: event.recordedAt.toISOString(),
    datacontenttype: 'application/json',
    data: contract.data,
    partitionkey: event.streamId,
    streamversion: Number(event.streamVersion),
    occurredat: occurredAt,
    partnershipid: partnershipId,
  };
}

/**
 * The Kafka message in structured content mode (the whole envelope as JSON in the value, header
 * `content-type: application/cloudevents+json`), key = `partitionkey` = stream id. No record
 * timestamp: the broker stamps publish time, so retention never ages out a backlog published late.
 */
export function toKafkaMessage(event: LedgerCloudEvent): Message {
  return { key: event.partitionkey, value: JSON.stringify(event), headers: { 'content-type': CLOUD_EVENTS_JSON } };
}

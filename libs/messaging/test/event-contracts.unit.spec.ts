import Ajv from 'ajv';
import { CloudEvent, Kafka, type CloudEventV1, type KafkaMessage } from 'cloudevents';
import type { DomainEvent } from '@ledger/event-sourcing';
import {
  ContractMismatch,
  EventContracts,
  UnmappedEventType,
  cloudEventType,
  contractDataSchema,
  ledgerEventContracts,
  toCloudEvent,
  toKafkaMessage,
  type ContextContracts,
} from '@ledger/messaging';
import { LEDGER_AGGREGATES } from '../../../tools/generate-event-catalogue';
import { PARTNERSHIP, RAISING_AGENCY, recorded } from './support/recorded';

const contracts = ledgerEventContracts();
const ajv = new Ajv({ allErrors: true, strict: true });
const examples: readonly DomainEvent[] = LEDGER_AGGREGATES.flatMap((aggregate) => aggregate.examples());
const allTypes = LEDGER_AGGREGATES.flatMap((aggregate) => aggregate.eventTypes);

/** Every string in the event's data, at any depth. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('the ledger event contracts', () => {
  it('have a contract for every domain event type of every aggregate, and nothing else', () => {
    expect([...contracts.eventTypes].sort()).toEqual([...allTypes].sort());
  });

  it('decide every domain field: published or left out with a reason, never both', () => {
    for (const event of examples) {
      const definition = contracts.definitionOf(event.type)!;
      const decided = new Set([...Object.keys(definition.properties), ...Object.keys(definition.omitted)]);
      expect({ type: event.type, undecided: Object.keys(event.data).filter((field) => !decided.has(field)) }).toEqual({
        type: event.type,
        undecided: [],
      });
      const both = Object.keys(definition.omitted).filter((field) => field in definition.properties);
      expect({ type: event.type, both }).toEqual({ type: event.type, both: [] });
    }
  });

  it.each(examples.map((event, index) => [event.type, event, index] as const))(
    'maps %s to data its published JSON Schema accepts',
    (_type, event, index) => {
      const contract = contracts.map(recorded(event, index + 1));
      const validate = ajv.compile(contractDataSchema(event.type, contracts.definitionOf(event.type)!));
      expect({ valid: validate(contract.data), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
    },
  );

  it('publishes no value of a field it leaves out (prose, person references)', () => {
    for (const [index, event] of examples.entries()) {
      const definition = contracts.definitionOf(event.type)!;
      const published = JSON.stringify(contracts.map(recorded(event, index + 1)).data);
      const secrets = Object.keys(definition.omitted).flatMap((field) => strings((event.data as Record<string, unknown>)[field]));
      for (const secret of secrets.filter((text) => text.length > 3))
        expect({ type: event.type, leaked: published.includes(secret) ? secret : null }).toEqual({ type: event.type, leaked: null });
    }
  });

  it('leaves out the action owner, publishing only whether one is assigned', () => {
    const proposed = examples.find((event) => event.type === 'ActionProposed')!;
    const { data } = contracts.map(recorded(proposed));
    expect(data).not.toHaveProperty('owner');
    expect(data).toMatchObject({ ownerAssigned: true, status: 'proposed' });
  });

  it('names the agency that raised a challenge from the actor, not the raiser', () => {
    const raised = examples.find((event) => event.type === 'ChallengeRaised')!;
    expect(contracts.map(recorded(raised)).data).toMatchObject({ raisedByAgencyId: RAISING_AGENCY, status: 'raised' });
    expect(JSON.stringify(contracts.map(recorded(raised)).data)).not.toContain('user-chair-1');
  });

  it('refuses, loudly, an event type no contract maps', () => {
    const stray = recorded({ type: 'ActionTeleported', data: { actionId: 'a' } });
    expect(() => contracts.map(stray)).toThrow(UnmappedEventType);
    expect(() => contracts.map(stray)).toThrow(/ActionTeleported/);
  });

  it('refuses a stored schema version the context cannot upcast', () => {
    const proposed = examples.find((event) => event.type === 'ActionProposed')!;
    expect(() => contracts.map(recorded(proposed, 1, { schemaVersion: 9 }))).toThrow(/ActionProposed\.v9/);
  });

  it('refuses two contexts claiming one type, and a mapper answering off its declared contract', () => {
    const fake = (context: string, version: number): ContextContracts => ({
      context,
      definitions: { SourceClosed: { version: 1, description: '', properties: {}, omitted: {} } },
      map: (event) => ({ type: event.type, version, data: {} }),
    });
    expect(() => new EventContracts([fake('a', 1), fake('b', 1)])).toThrow(ContractMismatch);
    expect(() => new EventContracts([fake('a', 2)]).map(recorded({ type: 'SourceClosed', data: {} }))).toThrow(ContractMismatch);
  });
});

describe('the CloudEvents envelope', () => {
  const event = recorded(
    examples.find((e) => e.type === 'ProgressUpdated')!,
    42,
    { streamId: 'action-00000000-0000-4000-8000-00000000a001', streamVersion: 5n },
  );
  const envelope = toCloudEvent(event, contracts.map(event));

  it('carries id, type, source, subject and time as DESIGN §7 says', () => {
    expect(envelope).toMatchObject({
      specversion: '1.0',
      id: event.metadata.eventId,
      type: 'uk.learning-ledger.ProgressUpdated.v1',
      source: `/partnerships/${PARTNERSHIP}`,
      subject: event.streamId,
      time: '2025-03-10T09:00:00.123Z',
      datacontenttype: 'application/json',
      partitionkey: event.streamId,
      streamversion: 5,
      occurredat: '2025-03-03T14:00:00.000Z',
      partnershipid: PARTNERSHIP,
    });
    expect(envelope.data).toEqual(contracts.map(event).data);
  });

  it.each(examples.map((example, index) => [example.type, example, index] as const))(
    'passes the CloudEvents SDK’s strict validation and Kafka binding for %s',
    (_type, example, index) => {
      const stored = recorded(example, index + 1);
      const built = toCloudEvent(stored, contracts.map(stored));
      const onTheWire = JSON.parse(JSON.stringify(built)) as CloudEventV1<object>;
      expect(() => new CloudEvent(onTheWire, true)).not.toThrow();
      const message = toKafkaMessage(built);
      const kafkaMessage: KafkaMessage<string> = {
        key: String(message.key),
        value: String(message.value),
        headers: { ...(message.headers as Record<string, string>) },
        body: String(message.value),
      };
      const read = Kafka.toEvent(kafkaMessage);
      expect(read).toBeInstanceOf(CloudEvent);
      expect((read as CloudEvent<object>).toJSON()).toEqual(JSON.parse(JSON.stringify(built)));
    },
  );

  it('goes to Kafka in structured mode, keyed by stream id, without a record timestamp', () => {
    const message = toKafkaMessage(envelope);
    expect(message.key).toBe(event.streamId);
    expect(message.headers).toEqual({ 'content-type': 'application/cloudevents+json; charset=utf-8' });
    expect(message.timestamp).toBeUndefined();
    expect(JSON.parse(String(message.value))).toMatchObject({
      id: event.metadata.eventId,
      subject: event.streamId,
      data: contracts.map(event).data,
    });
  });

  it('names types uk.learning-ledger.<EventType>.v<n>', () => {
    expect(cloudEventType('ActionProposed', 2)).toBe('uk.learning-ledger.ActionProposed.v2');
  });
});

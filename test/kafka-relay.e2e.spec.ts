import type { Kafka } from 'kafkajs';
import { ensureKafka, type TestKafka } from '@ledger/testing';
import { LedgerTestApp } from './support/ledger-test-app';
import { createTopic, eventually, freshTopicName, readWholeTopic, testKafka } from '../libs/messaging/test/support/topic-reader';

interface ReadyRelay {
  readonly runs: string;
  readonly role: string | null;
  readonly eventsBehind: number;
  readonly secondsBehind: number;
  readonly published: number | null;
}

/** `npm start` with KAFKA_BROKERS set: the relay runs inside the all-in-one server. */
describe('the all-in-one server with KAFKA_BROKERS', () => {
  let kafka: TestKafka;
  let client: Kafka;
  let app: LedgerTestApp;
  const topic = freshTopicName();

  beforeAll(async () => {
    kafka = await ensureKafka();
    client = testKafka(kafka.brokers);
    await createTopic(client, topic, 3);
    app = await LedgerTestApp.start({ KAFKA_BROKERS: kafka.brokers.join(','), KAFKA_TOPIC: topic });
  });

  afterAll(async () => {
    await app?.close();
    await kafka?.stop();
  });

  const ready = async (): Promise<ReadyRelay> => {
    const response = await app.http().get('/health/ready').expect(200);
    expect(response.body.kafka).toBe('configured');
    return response.body.relay as ReadyRelay;
  };
  const registerPartnership = async (name: string): Promise<string> => {
    const platform = await app.bearer({ sub: 'platform-admin@example.org', roles: ['platform-admin'] });
    const response = await app
      .http()
      .post('/api/v1/partnerships')
      .set(platform)
      .send({ name, localAuthorities: ['Westvale Council'] });
    expect(response.status).toBe(201);
    return (response.body as { id: string }).id;
  };

  it('publishes the event of a command issued over HTTP as a CloudEvent keyed by its stream', async () => {
    expect(app.ledger.runtime.relay).toBeDefined();
    const partnershipId = await registerPartnership('Westvale Safeguarding Children Partnership');

    await eventually('the relay to publish the registration', async () => (await ready()).eventsBehind === 0);
    const messages = await readWholeTopic(client, topic);
    const published = messages.filter((message) => message.event.subject === `partnership-${partnershipId}`);
    expect(published).toHaveLength(1);
    expect(published[0]!.key).toBe(`partnership-${partnershipId}`);
    expect(published[0]!.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(published[0]!.event).toMatchObject({
      specversion: '1.0',
      type: 'uk.learning-ledger.PartnershipRegistered.v1',
      source: `/partnerships/${partnershipId}`,
      partnershipid: partnershipId,
      data: { partnershipId, name: 'Westvale Safeguarding Children Partnership', localAuthorities: ['Westvale Council'] },
    });
  });

  it('reports the relay on /health/ready: role, and lag in events and seconds while it is stopped', async () => {
    const relay = app.ledger.runtime.relay!;
    expect(await ready()).toMatchObject({ runs: 'in-process', role: 'active', eventsBehind: 0, secondsBehind: 0 });

    await relay.stop();
    await registerPartnership('Eastmoor Safeguarding Children Partnership');
    await eventually('the lag to be measurable in seconds', async () => (await ready()).secondsBehind > 0.05);
    const behind = await ready();
    expect(behind).toMatchObject({ runs: 'in-process', role: 'stopped', eventsBehind: 1 });

    await relay.start();
    await eventually('the relay to catch up again', async () => {
      const status = await ready();
      return status.role === 'active' && status.eventsBehind === 0 && status.secondsBehind === 0;
    });
  });

  it('exposes relay lag and published events on /metrics', async () => {
    await registerPartnership('Northmoor Safeguarding Children Partnership');
    await eventually('the relay to catch up', async () => (await ready()).eventsBehind === 0);

    const metrics = await app.http().get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toMatch(/^ledger_relay_lag_events 0$/m);
    expect(metrics.text).toMatch(/^ledger_relay_lag_seconds 0$/m);
    expect(metrics.text).toMatch(/^ledger_relay_active 1$/m);
    const published = /^ledger_relay_published_events_total (\d+)$/m.exec(metrics.text);
    expect(Number(published?.[1])).toBeGreaterThanOrEqual(1);
  });
});

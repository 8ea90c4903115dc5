import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { ensureKafka, type TestKafka } from '@ledger/testing';
import { LedgerTraffic } from './support/ledger-traffic';
import { allStoredEvents, idsByStream, relayFixture, type RelayFixture } from './support/relay-fixture';
import { createTopic, deliveredByKey, eventually, freshTopicName, readWholeTopic, testKafka } from './support/topic-reader';
import { forkTypeScript } from './support/ts-child';

interface ChildMessage {
  readonly started?: boolean;
  readonly acknowledgedNotSaved?: number;
  readonly checkpoint?: string;
  readonly error?: string;
}

/** Resolves with the child's first message that `accept`s; rejects if it exits first. */
function nextMessage(child: ChildProcess, accept: (message: ChildMessage) => boolean): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage): void => {
      if (message.error) reject(new Error(`relay child failed: ${message.error}`));
      else if (accept(message)) resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code, signal) => reject(new Error(`relay child exited (${code ?? signal}) early`)));
  });
}

describe('KafkaRelay killed mid-batch', () => {
  let kafka: TestKafka;
  let client: Kafka;
  let fixture: RelayFixture;
  const topic = freshTopicName();

  beforeAll(async () => {
    kafka = await ensureKafka();
    client = testKafka(kafka.brokers);
    await createTopic(client, topic, 3);
    fixture = await relayFixture(kafka.brokers, topic);
  });

  afterAll(async () => {
    await fixture?.close();
    await kafka?.stop();
  });

  it('loses nothing when SIGKILLed after the broker acknowledged a batch and before its checkpoint was saved', async () => {
    const traffic = new LedgerTraffic();
    await traffic.appendSetup(fixture.store);
    await traffic.appendNext(fixture.store, 800);

    const child = forkTypeScript(join(__dirname, 'support', 'relay-child.ts'), {
      RELAY_DATABASE_URL: fixture.database.url,
      RELAY_BROKERS: kafka.brokers.join(','),
      RELAY_TOPIC: topic,
      RELAY_NAME: 'crash-check',
      RELAY_BATCH_SIZE: '100',
      RELAY_HANG_AT_BATCH: '3',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    const hanging = await nextMessage(child, (message) => message.acknowledgedNotSaved !== undefined);
    expect(process.kill(child.pid!, 'SIGKILL')).toBe(true);
    expect(await exited).toBe('SIGKILL');

    // Two batches were saved; the third reached the broker but not the checkpoint table.
    const saved = await fixture.database.pool.query<{ checkpoint: string }>(
      `SELECT checkpoint FROM relay_checkpoints WHERE name = 'crash-check'`,
    );
    expect(saved.rows[0]?.checkpoint).not.toBe(hanging.checkpoint);
    const afterKill = deliveredByKey(await readWholeTopic(client, topic));
    expect([...afterKill.byKey.values()].flat()).toHaveLength(300);

    const restarted = fixture.relay({ name: 'crash-check', batchSize: 100 });
    await restarted.start();
    await traffic.appendNext(fixture.store, 100);
    await eventually('the restarted relay to catch up', async () => (await restarted.status()).eventsBehind === 0);

    const delivered = deliveredByKey(await readWholeTopic(client, topic));
    expect(Object.fromEntries(delivered.byKey)).toEqual(idsByStream(await allStoredEvents(fixture.store)));
    expect(delivered.duplicates).toBe(100);
  });
});

/*
 * A relay in its own process, for the crash test (run by forkTypeScript). It publishes normally
 * until batch number RELAY_HANG_AT_BATCH has been acknowledged by the broker, then tells the
 * parent and hangs before saving that batch's checkpoint, waiting to be SIGKILLed.
 */
import { PostgresEventStore } from '@ledger/event-sourcing';
import { KafkaRelay, ledgerEventContracts } from '@ledger/messaging';
import { Pool } from 'pg';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`relay child needs ${name}`);
  return value;
};

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: env('RELAY_DATABASE_URL'), max: 4 });
  const store = new PostgresEventStore(pool);
  const hangAt = Number(env('RELAY_HANG_AT_BATCH'));
  let batches = 0;
  const relay = new KafkaRelay({
    pool,
    store,
    contracts: ledgerEventContracts(),
    kafka: { brokers: env('RELAY_BROKERS').split(','), clientId: 'relay-child' },
    topic: env('RELAY_TOPIC'),
    name: env('RELAY_NAME'),
    batchSize: Number(env('RELAY_BATCH_SIZE')),
    beforeCheckpoint: async (batch) => {
      if (++batches < hangAt) return;
      process.send?.({ acknowledgedNotSaved: batch.events, checkpoint: batch.checkpoint });
      await new Promise<never>(() => undefined);
    },
  });
  await relay.start();
  process.send?.({ started: true });
}

main().catch((error: unknown) => {
  process.send?.({ error: String(error) });
  process.exit(1);
});

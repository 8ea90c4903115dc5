import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { PostgresEventStore } from '@ledger/event-sourcing';
import { ledgerEventContracts } from '../contracts/ledger-contracts';
import { toCloudEvent, toKafkaMessage } from '../contracts/cloud-event';
import type { PageFailure, PageMessage, PageRequest, PageWorkerData } from './relay-worker-protocol';

/**
 * The relay's page reader in a worker thread (see WorkerPages): reads the log with the store's
 * commit-safe cursor on a connection of its own, maps each event through the ledger's contracts
 * to a CloudEvents message and posts ready-to-send pages, at most `ahead` of what the main thread
 * has taken. After an empty page it waits for `resume`; after a failure it posts it and stops.
 */
const data = workerData as PageWorkerData;
const port = parentPort!;
const pool = new Pool({ connectionString: data.databaseUrl, max: 1 });
pool.on('error', () => undefined); // a broken idle connection fails the next read, which is reported
const store = new PostgresEventStore(pool);
const contracts = ledgerEventContracts();
let after = data.after;
let credit = data.ahead;
let paused = false;
let reading = false;
let failed = false;

async function readPage(): Promise<PageMessage> {
  const page = await store.readAll({ after, limit: data.batchSize });
  const keys: (string | null)[] = [];
  const headers: Record<string, string>[] = [];
  const buffers: Buffer[] = [];
  const offsets = new Uint32Array(page.events.length + 1);
  for (let i = 0; i < page.events.length; i++) {
    const event = page.events[i]!;
    const message = toKafkaMessage(toCloudEvent(event, contracts.map(event)));
    const value = Buffer.from(message.value as string, 'utf8');
    keys.push(message.key == null ? null : String(message.key));
    headers.push(message.headers as Record<string, string>);
    buffers.push(value);
    offsets[i + 1] = offsets[i]! + value.length;
  }
  const joined = Buffer.concat(buffers);
  // A fresh ArrayBuffer exactly as long as the values (Buffer.concat may use the shared pool).
  const values = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.length);
  return { type: 'page', after, checkpoint: page.checkpoint, count: page.events.length, keys, headers, values, offsets };
}

async function pump(): Promise<void> {
  if (reading || failed) return;
  reading = true;
  try {
    while (credit > 0 && !paused) {
      const page = await readPage();
      credit--;
      after = page.checkpoint;
      if (page.count === 0) paused = true;
      port.postMessage(page, [page.values, page.offsets.buffer as ArrayBuffer]);
    }
  } catch (error) {
    failed = true;
    const e = error instanceof Error ? error : new Error(String(error));
    const failure: PageFailure = { type: 'failure', name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
    port.postMessage(failure);
  } finally {
    reading = false;
  }
}

port.on('message', (request: PageRequest) => {
  credit++;
  if (request.type === 'resume') paused = false;
  void pump();
});
void pump();

import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { startDatabase } from '@ledger/platform';
import { writeJson } from '../support/report';
import type { GenerationResult } from './national-generator';

/** What `--keep` leaves behind so `--reuse` can measure the same store again without generating it. */
export interface KeptStore {
  readonly database: string;
  readonly generation: GenerationResult;
}

export function saveKeptStore(path: string, kept: KeptStore): void {
  writeJson(path, kept);
}

/**
 * The kept store named in `path`, on DATABASE_URL's server (else the embedded one), with every
 * pending migration applied, and a `drop` that drops it.
 */
export async function reuseKeptStore(
  path: string,
): Promise<{ kept: KeptStore; url: string; drop(): Promise<void>; stop(): Promise<void> }> {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as KeptStore & { generation: GenerationResult & { halfwayAt: string } };
  const kept: KeptStore = { database: raw.database, generation: { ...raw.generation, halfwayAt: new Date(raw.generation.halfwayAt) } };
  const server = await startDatabase();
  const url = new URL(server.url);
  url.pathname = `/${kept.database}`;
  const onServer = async (sql: string) => {
    const client = new Client({ connectionString: server.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    kept,
    url: url.toString(),
    drop: async () => {
      await onServer(`DROP DATABASE IF EXISTS ${kept.database} WITH (FORCE)`);
      await server.stop();
    },
    stop: () => server.stop(),
  };
}

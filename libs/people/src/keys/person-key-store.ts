import type { Pool } from 'pg';
import { newDataKey, type MasterKey } from '../crypto/envelope-cipher';

/** A person's key as the store holds it: the data key, or the fact that it was destroyed. */
export type PersonKey =
  { readonly status: 'live'; readonly dataKey: Buffer } | { readonly status: 'destroyed'; readonly destroyedAt: Date };

interface KeyRow {
  readonly person_id: string;
  readonly wrapped_key: Buffer | null;
  readonly master_key_id: string;
  readonly destroyed_at: Date | null;
}

/** The key was wrapped under another master key than the one this process holds. */
export class MasterKeyMismatch extends Error {
  constructor(personId: string, keyId: string) {
    super(`the data key of person ${personId} was wrapped with master key ${keyId}, not the one configured (LEDGER_PEOPLE_KEY)`);
    this.name = 'MasterKeyMismatch';
  }
}

/**
 * The per-person data keys, wrapped under the master key, in `person_keys` (PostgreSQL, outside
 * the event log). Destroying a key is the whole of "forgetting": the ciphertext in the log stays,
 * and nobody can read it any more.
 */
export class PersonKeyStore {
  constructor(
    private readonly pool: Pool,
    private readonly master: MasterKey,
  ) {}

  /** Makes and stores a data key for a new person; a second call for the same person answers the first key. */
  async create(personId: string, partnershipId: string): Promise<Buffer> {
    const dataKey = newDataKey();
    await this.pool.query(
      `INSERT INTO person_keys (person_id, partnership_id, wrapped_key, master_key_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (person_id) DO NOTHING`,
      [personId, partnershipId, this.master.wrap(dataKey, personId), this.master.id],
    );
    const key = await this.get(personId);
    if (key?.status !== 'live') throw new Error(`person ${personId} has no live key`);
    return key.dataKey;
  }

  async get(personId: string): Promise<PersonKey | undefined> {
    return (await this.getMany([personId])).get(personId);
  }

  /** The keys of these people; people with no row at all are absent from the map. */
  async getMany(personIds: readonly string[]): Promise<Map<string, PersonKey>> {
    const keys = new Map<string, PersonKey>();
    if (personIds.length === 0) return keys;
    const { rows } = await this.pool.query<KeyRow>(
      'SELECT person_id, wrapped_key, master_key_id, destroyed_at FROM person_keys WHERE person_id = ANY($1::uuid[])',
      [personIds],
    );
    for (const row of rows) keys.set(row.person_id, this.keyOf(row));
    return keys;
  }

  /** Destroys the person's data key (idempotent); answers whether a live key was destroyed now. */
  async destroy(personId: string): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE person_keys SET wrapped_key = NULL, destroyed_at = now() WHERE person_id = $1 AND wrapped_key IS NOT NULL`,
      [personId],
    );
    return (result.rowCount ?? 0) > 0;
  }

  private keyOf(row: KeyRow): PersonKey {
    if (row.wrapped_key === null) return { status: 'destroyed', destroyedAt: row.destroyed_at ?? new Date(0) };
    if (row.master_key_id !== this.master.id) throw new MasterKeyMismatch(row.person_id, row.master_key_id);
    return { status: 'live', dataKey: this.master.unwrap(row.wrapped_key, row.person_id) };
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hash chain over the log (ADR 7), written by the sealer after events commit:
 * - `event_chain`: one row per sealed event in chain order. `hash = sha256(prev_hash ||
 *   canonical(event))` links the whole ledger; `partnership_hash` links the partnership's own
 *   chain (numbered by `partnership_seq`), so one partnership verifies without reading any other's
 *   events. The event's identity and position are kept as sealed, to name it if it disappears.
 * - `event_chain_heads`: the head of each chain (`ledger`, or a partnership id) with its length;
 *   the `ledger` row's `checkpoint` is the sealer's commit-safe position. Written in the same
 *   transaction as the rows.
 */
export class EventChainSchema1764100000700 implements MigrationInterface {
  readonly name = 'EventChainSchema1764100000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE event_chain (
        seq bigserial PRIMARY KEY,
        global_position bigint NOT NULL,
        transaction_id xid8 NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_version bigint NOT NULL,
        partnership_id uuid NOT NULL,
        partnership_seq bigint NOT NULL,
        hash bytea NOT NULL,
        prev_hash bytea NOT NULL,
        partnership_hash bytea NOT NULL,
        partnership_prev_hash bytea NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_chain_partnership_seq_unique UNIQUE (partnership_id, partnership_seq)
      )`);
    await queryRunner.query(`
      CREATE TABLE event_chain_heads (
        chain text PRIMARY KEY,
        length bigint NOT NULL,
        hash bytea NOT NULL,
        checkpoint text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS event_chain_heads');
    await queryRunner.query('DROP TABLE IF EXISTS event_chain');
  }
}

export const integrityMigrations = [EventChainSchema1764100000700];

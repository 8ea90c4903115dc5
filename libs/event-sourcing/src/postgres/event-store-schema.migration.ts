import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_FUNCTION_SQL } from './ledger-append.sql';

/**
 * The event store's tables: `streams` (one row per stream, holding its version: the
 * expected-version check) and `events` (the log, and the outbox for the relay).
 *
 * `transaction_id` is the writing transaction's id; readers page by
 * `(transaction_id, global_position)` and only below the oldest running transaction, so an event
 * committed late by a slow transaction is never skipped (DESIGN §4).
 */
export class EventStoreSchema1764100000000 implements MigrationInterface {
  readonly name = 'EventStoreSchema1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE streams (
        stream_id text PRIMARY KEY,
        stream_type text NOT NULL,
        partnership_id uuid NOT NULL,
        version bigint NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        stream_id text NOT NULL,
        stream_version bigint NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        event_type text NOT NULL,
        schema_version int NOT NULL DEFAULT 1,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        partnership_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        correlation_id uuid,
        causation_id uuid,
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, stream_version)
      )`);
    await queryRunner.query(`CREATE INDEX events_commit_order_idx ON events (transaction_id, global_position)`);
    await queryRunner.query(`CREATE INDEX events_causation_idx ON events (causation_id)`);
    await queryRunner.query(`CREATE INDEX events_partnership_recorded_idx ON events (partnership_id, recorded_at)`);
    await queryRunner.query(`CREATE INDEX events_partnership_occurred_idx ON events (partnership_id, occurred_at)`);
    await queryRunner.query(`CREATE INDEX events_stream_recorded_idx ON events (stream_id, recorded_at)`);
    await queryRunner.query(APPEND_FUNCTION_SQL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_append(text, bigint, jsonb)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS ledger_append_replay(text, uuid[])`);
    await queryRunner.query(`DROP TABLE IF EXISTS events`);
    await queryRunner.query(`DROP TABLE IF EXISTS streams`);
  }
}

export const eventStoreMigrations = [EventStoreSchema1764100000000];

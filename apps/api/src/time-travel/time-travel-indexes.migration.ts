import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One partnership's events in commit order: the time-travel log cache extends each partnership's
 * log from its last cached position (`> (transaction_id, global_position)`), and the timeline pages
 * through it in the same order, both as an index range scan instead of a scan-and-sort of the
 * partnership's whole history.
 */
export class TimeTravelIndexes1764400001000 implements MigrationInterface {
  readonly name = 'TimeTravelIndexes1764400001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX IF NOT EXISTS events_partnership_commit_order_idx ON events (partnership_id, transaction_id, global_position)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS events_partnership_commit_order_idx');
  }
}

export const timeTravelMigrations = [TimeTravelIndexes1764400001000];

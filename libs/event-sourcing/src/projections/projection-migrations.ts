import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One checkpoint row per projection, written in the same transaction as the projection's rows.
 * `version` is the projection version the read model was built with (a mismatch means rebuild).
 */
export class ProjectionSchema1764100000500 implements MigrationInterface {
  readonly name = 'ProjectionSchema1764100000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        version int NOT NULL,
        checkpoint text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_checkpoints');
  }
}

export const projectionMigrations = [ProjectionSchema1764100000500];

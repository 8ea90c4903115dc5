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

/**
 * Side-by-side rebuilds (ADR 0008): `projection_rebuilds` holds the checkpoint of each rebuild in
 * progress (written in the same transaction as its shadow table's rows), and each live read model
 * counts the generations it has been switched through.
 */
export class ProjectionGenerations1764100000550 implements MigrationInterface {
  readonly name = 'ProjectionGenerations1764100000550';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_rebuilds (
        name text PRIMARY KEY,
        shadow_table text NOT NULL,
        version int NOT NULL,
        checkpoint text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      ALTER TABLE projection_checkpoints
        ADD COLUMN generation int NOT NULL DEFAULT 1,
        ADD COLUMN switched_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE projection_checkpoints DROP COLUMN switched_at, DROP COLUMN generation');
    await queryRunner.query('DROP TABLE projection_rebuilds');
  }
}

export const projectionMigrations = [ProjectionSchema1764100000500, ProjectionGenerations1764100000550];

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay's checkpoint: one row per relay name, the opaque event-store checkpoint of the last
 * event the broker acknowledged. Written only after the acknowledgement (at least once).
 */
export class RelaySchema1764100000800 implements MigrationInterface {
  readonly name = 'RelaySchema1764100000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE relay_checkpoints (
        name text PRIMARY KEY,
        checkpoint text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE relay_checkpoints');
  }
}

export const relayMigrations = [RelaySchema1764100000800];

import { InspectorGrantReadModels1764300001000 } from '../inspector-grants/inspector-grant-read-models.migration';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** rm_partnerships: the partnerships projection (see partnerships.projection.ts). */
export class PartnershipReadModels1764100001000 implements MigrationInterface {
  readonly name = 'PartnershipReadModels1764100001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_partnerships (
        id text PRIMARY KEY,
        partnership_id uuid NOT NULL,
        doc jsonb NOT NULL,
        last_position text NOT NULL,
        name text NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX rm_partnerships_partnership_id_idx ON rm_partnerships (partnership_id)');
    await queryRunner.query('CREATE INDEX rm_partnerships_name_idx ON rm_partnerships (lower(name))');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rm_partnerships');
  }
}

export const partnershipMigrations = [PartnershipReadModels1764100001000, InspectorGrantReadModels1764300001000];

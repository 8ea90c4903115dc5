import type { MigrationInterface, QueryRunner } from 'typeorm';

/** rm_inspector_grants: the inspector-grants projection (see inspector-grants.projection.ts). */
export class InspectorGrantReadModels1764300001000 implements MigrationInterface {
  readonly name = 'InspectorGrantReadModels1764300001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_inspector_grants (
        id text PRIMARY KEY,
        partnership_id uuid NOT NULL,
        doc jsonb NOT NULL,
        last_position text NOT NULL,
        inspector_id text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        revoked boolean NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX rm_inspector_grants_inspector_idx ON rm_inspector_grants (inspector_id, partnership_id)');
    await queryRunner.query('CREATE INDEX rm_inspector_grants_partnership_idx ON rm_inspector_grants (partnership_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rm_inspector_grants');
  }
}

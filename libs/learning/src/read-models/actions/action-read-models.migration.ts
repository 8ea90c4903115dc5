import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read-model table for actions (see actionsProjection). */
export class ActionReadModels1764100002000 implements MigrationInterface {
  readonly name = 'ActionReadModels1764100002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_actions (
        id text PRIMARY KEY,
        partnership_id uuid NOT NULL,
        doc jsonb NOT NULL,
        last_position text NOT NULL,
        status text NOT NULL,
        lead_agency_id text NOT NULL,
        recommendation_ids text[] NOT NULL,
        target_date text NOT NULL,
        version bigint NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX rm_actions_partnership_status_idx ON rm_actions (partnership_id, status)');
    await queryRunner.query('CREATE INDEX rm_actions_partnership_lead_agency_idx ON rm_actions (partnership_id, lead_agency_id)');
    await queryRunner.query('CREATE INDEX rm_actions_recommendation_ids_idx ON rm_actions USING gin (recommendation_ids)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rm_actions');
  }
}

export const actionMigrations = [ActionReadModels1764100002000];

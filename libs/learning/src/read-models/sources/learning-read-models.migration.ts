import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read-model tables for learning sources and recommendations (see sourcesProjection, recommendationsProjection). */
export class LearningReadModels1764100002500 implements MigrationInterface {
  readonly name = 'LearningReadModels1764100002500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_sources (
        id text PRIMARY KEY,
        partnership_id uuid NOT NULL,
        doc jsonb NOT NULL,
        last_position text NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        status text NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX rm_sources_partnership_kind_idx ON rm_sources (partnership_id, kind)');
    await queryRunner.query('CREATE INDEX rm_sources_partnership_status_idx ON rm_sources (partnership_id, status)');
    await queryRunner.query(`
      CREATE TABLE rm_recommendations (
        id text PRIMARY KEY,
        partnership_id uuid NOT NULL,
        doc jsonb NOT NULL,
        last_position text NOT NULL,
        source_id text NOT NULL,
        number text NOT NULL,
        scope text NOT NULL,
        decision text,
        addressee_agency_ids text[] NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX rm_recommendations_partnership_source_idx ON rm_recommendations (partnership_id, source_id)');
    await queryRunner.query('CREATE INDEX rm_recommendations_partnership_decision_idx ON rm_recommendations (partnership_id, decision)');
    await queryRunner.query('CREATE INDEX rm_recommendations_addressees_idx ON rm_recommendations USING gin (addressee_agency_ids)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rm_recommendations');
    await queryRunner.query('DROP TABLE rm_sources');
  }
}

export const sourceMigrations = [LearningReadModels1764100002500];

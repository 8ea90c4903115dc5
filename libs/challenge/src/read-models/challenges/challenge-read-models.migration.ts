import type { MigrationInterface, QueryRunner } from 'typeorm';

/** rm_challenges: the challenges projection (see challenges.projection.ts), indexed for the list filters. */
export class ChallengeReadModels1764100003000 implements MigrationInterface {
  readonly name = 'ChallengeReadModels1764100003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rm_challenges (
        id text PRIMARY KEY,
        partnership_id uuid NOT NULL,
        doc jsonb NOT NULL,
        last_position text NOT NULL,
        status text NOT NULL,
        to_agency_id text NOT NULL,
        escalation_level text,
        response_due_date date NOT NULL,
        version integer NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX rm_challenges_partnership_status_idx ON rm_challenges (partnership_id, status)');
    await queryRunner.query('CREATE INDEX rm_challenges_partnership_agency_idx ON rm_challenges (partnership_id, to_agency_id)');
    await queryRunner.query('CREATE INDEX rm_challenges_partnership_due_idx ON rm_challenges (partnership_id, response_due_date)');
    await queryRunner.query(
      'CREATE INDEX rm_challenges_partnership_escalation_idx ON rm_challenges (partnership_id, escalation_level) WHERE escalation_level IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rm_challenges');
  }
}

export const challengeMigrations = [ChallengeReadModels1764100003000];

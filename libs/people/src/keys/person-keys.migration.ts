import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `person_keys`: one wrapped data key per person, outside the event log (ADR 0013). Forgetting a
 * person sets `wrapped_key` to NULL; the row stays as the record that a key existed and when it
 * was destroyed. No personal data is stored here.
 */
export class PersonKeys1764100009000 implements MigrationInterface {
  readonly name = 'PersonKeys1764100009000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE person_keys (
        person_id uuid PRIMARY KEY,
        partnership_id uuid NOT NULL,
        wrapped_key bytea,
        master_key_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        destroyed_at timestamptz,
        CONSTRAINT person_keys_destroyed_has_no_key CHECK (destroyed_at IS NULL OR wrapped_key IS NULL)
      )`);
    await queryRunner.query('CREATE INDEX person_keys_partnership_idx ON person_keys (partnership_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE person_keys');
  }
}

export const peopleMigrations = [PersonKeys1764100009000];

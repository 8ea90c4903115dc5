import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Kafka consumers' tables: the inbox (one row per consumed CloudEvent id, written in the same
 * transaction as the consumer's read model, so a redelivery changes nothing) and the agency
 * accountability read model: per-aggregate tables, and the per-agency view over them.
 */
export class ConsumerSchema1764100000810 implements MigrationInterface {
  readonly name = 'ConsumerSchema1764100000810';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consumer_inbox (
        consumer text NOT NULL,
        event_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE kafka_agency_actions (
        action_id text PRIMARY KEY,
        partnership_id uuid NOT NULL,
        agency_id text NOT NULL,
        status text NOT NULL,
        target_date date NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX kafka_agency_actions_agency_idx ON kafka_agency_actions (partnership_id, agency_id)`);
    await queryRunner.query(`
      CREATE TABLE kafka_agency_challenges (
        challenge_id text PRIMARY KEY,
        partnership_id uuid NOT NULL,
        agency_id text NOT NULL,
        status text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX kafka_agency_challenges_agency_idx ON kafka_agency_challenges (partnership_id, agency_id)`);
    // One line per agency, derived from the per-aggregate tables when read: consumers in the group
    // write disjoint aggregates (one partition each), so they never contend for a shared row.
    await queryRunner.query(`
      CREATE VIEW kafka_agency_accountability AS
      SELECT partnership_id, agency_id,
             count(*) FILTER (WHERE kind = 'action' AND bucket = 'open')::int AS open_actions,
             count(*) FILTER (WHERE kind = 'action' AND bucket = 'completed')::int AS completed_actions,
             count(*) FILTER (WHERE kind = 'action' AND bucket = 'closed')::int AS closed_actions,
             count(*) FILTER (WHERE kind = 'action' AND bucket = 'withdrawn')::int AS withdrawn_actions,
             count(*) FILTER (WHERE kind = 'challenge')::int AS challenges_received,
             count(*) FILTER (WHERE kind = 'challenge' AND bucket = 'open')::int AS open_challenges
        FROM (SELECT partnership_id, agency_id, 'action' AS kind,
                     CASE WHEN status IN ('proposed', 'agreed', 'in-progress', 'paused', 'completion-claimed') THEN 'open'
                          WHEN status IN ('completion-verified', 'impact-assured') THEN 'completed'
                          WHEN status = 'closed' THEN 'closed'
                          ELSE 'withdrawn' END AS bucket
                FROM kafka_agency_actions
              UNION ALL
              SELECT partnership_id, agency_id, 'challenge',
                     CASE WHEN status IN ('resolved', 'withdrawn', 'closed') THEN 'ended' ELSE 'open' END
                FROM kafka_agency_challenges) items
       GROUP BY partnership_id, agency_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP VIEW kafka_agency_accountability');
    await queryRunner.query('DROP TABLE kafka_agency_challenges');
    await queryRunner.query('DROP TABLE kafka_agency_actions');
    await queryRunner.query('DROP TABLE consumer_inbox');
  }
}

export const consumerMigrations = [ConsumerSchema1764100000810];

import type { MigrationInterface } from 'typeorm';
import { eventStoreMigrations, integrityMigrations, projectionMigrations } from '@ledger/event-sourcing';
import { partnershipMigrations } from '@ledger/partnership';
import { actionMigrations, sourceMigrations } from '@ledger/learning';
import { challengeMigrations } from '@ledger/challenge';
import { peopleMigrations } from '@ledger/people';

export type MigrationClass = new () => MigrationInterface;

/** Every migration of the platform, in order: what a test database gets by default. */
export const allMigrations: readonly MigrationClass[] = [
  ...eventStoreMigrations,
  ...projectionMigrations,
  ...integrityMigrations,
  ...partnershipMigrations,
  ...actionMigrations,
  ...sourceMigrations,
  ...challengeMigrations,
  ...peopleMigrations,
];

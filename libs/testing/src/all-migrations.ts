import type { MigrationInterface } from 'typeorm';
import { eventStoreMigrations } from '@ledger/event-sourcing';

export type MigrationClass = new () => MigrationInterface;

/** Every migration of the platform, in order: what a test database gets by default. */
export const allMigrations: readonly MigrationClass[] = [...eventStoreMigrations];

import { eventStoreMigrations, integrityMigrations, projectionMigrations } from '@ledger/event-sourcing';
import { partnershipMigrations } from '@ledger/partnership';
import { actionMigrations, sourceMigrations } from '@ledger/learning';
import { challengeMigrations } from '@ledger/challenge';
import { relayMigrations } from '@ledger/messaging';

/** Every schema change, in timestamp order; TypeORM applies the pending ones. */
export const ledgerMigrations = [
  ...eventStoreMigrations,
  ...projectionMigrations,
  ...integrityMigrations,
  ...partnershipMigrations,
  ...actionMigrations,
  ...sourceMigrations,
  ...challengeMigrations,
  ...relayMigrations,
];

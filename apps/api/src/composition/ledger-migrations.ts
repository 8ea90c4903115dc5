import { eventStoreMigrations, integrityMigrations, projectionMigrations } from '@ledger/event-sourcing';
import { partnershipMigrations } from '@ledger/partnership';
import { actionMigrations, sourceMigrations } from '@ledger/learning';
import { challengeMigrations } from '@ledger/challenge';
import { relayMigrations } from '@ledger/messaging';
import { peopleMigrations } from '@ledger/people';
import { timeTravelMigrations } from '../time-travel/time-travel-indexes.migration';

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
  ...peopleMigrations,
  ...timeTravelMigrations,
];

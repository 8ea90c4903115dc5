import { challengeContracts } from '@ledger/challenge';
import { learningContracts } from '@ledger/learning';
import { partnershipContracts } from '@ledger/partnership';
import { peopleContracts } from '@ledger/people';
import { EventContracts } from './event-contracts';

/** The ledger's published vocabulary: every context's integration-event contracts. */
export function ledgerEventContracts(): EventContracts {
  return new EventContracts([partnershipContracts, learningContracts, challengeContracts, peopleContracts]);
}

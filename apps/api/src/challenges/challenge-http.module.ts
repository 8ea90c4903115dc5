import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandExecutor } from '@ledger/event-sourcing';
import { PartnershipQueries } from '@ledger/partnership';
import { ActionQueries } from '@ledger/learning';
import {
  CHALLENGE_ACTION_DIRECTORY,
  CHALLENGE_AGENCY_DIRECTORY,
  ChallengeCommands,
  ChallengeQueries,
  type ChallengeActionDirectory,
  type ChallengeAgencyDirectory,
} from '@ledger/challenge';
import { PartnershipHttpModule } from '../partnerships/partnership-http.module';
import { LearningHttpModule } from '../learning/learning-http.module';
import { ChallengesController } from './challenges.controller';

@Module({
  imports: [PartnershipHttpModule, LearningHttpModule],
  controllers: [ChallengesController],
  providers: [
    {
      provide: CHALLENGE_AGENCY_DIRECTORY,
      useFactory: (partnerships: PartnershipQueries): ChallengeAgencyDirectory => ({ agencies: (pid) => partnerships.agencies(pid) }),
      inject: [PartnershipQueries],
    },
    {
      provide: CHALLENGE_ACTION_DIRECTORY,
      useFactory: (actions: ActionQueries): ChallengeActionDirectory => ({
        exists: async (pid, aid) => (await actions.get(pid, aid, new Date())) !== null,
      }),
      inject: [ActionQueries],
    },
    {
      provide: ChallengeCommands,
      useFactory: (e: CommandExecutor, a: ChallengeAgencyDirectory, x: ChallengeActionDirectory) => new ChallengeCommands(e, a, x),
      inject: [CommandExecutor, CHALLENGE_AGENCY_DIRECTORY, CHALLENGE_ACTION_DIRECTORY],
    },
    { provide: ChallengeQueries, useFactory: (d: DataSource) => new ChallengeQueries(d), inject: [DataSource] },
  ],
})
export class ChallengeHttpModule {}

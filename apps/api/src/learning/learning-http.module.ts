import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandExecutor, EVENT_STORE, type EventStore } from '@ledger/event-sourcing';
import { PartnershipQueries } from '@ledger/partnership';
import {
  ActionCommands,
  ActionPlanQueries,
  ActionQueries,
  AGENCY_DIRECTORY,
  RecommendationCommands,
  RecommendationQueries,
  SourceCommands,
  SourceQueries,
  type AgencyDirectory,
} from '@ledger/learning';
import { PartnershipHttpModule } from '../partnerships/partnership-http.module';
import { HistoryReader } from '../http/history';
import { ActionPlanController } from './action-plan.controller';
import { ActionsController } from './actions.controller';
import { RecommendationsController } from './recommendations.controller';
import { SourcesController } from './sources.controller';

const commandDeps = [CommandExecutor, EVENT_STORE, AGENCY_DIRECTORY];

@Module({
  imports: [PartnershipHttpModule],
  controllers: [SourcesController, RecommendationsController, ActionsController, ActionPlanController],
  providers: [
    HistoryReader,
    {
      provide: AGENCY_DIRECTORY,
      useFactory: (partnerships: PartnershipQueries): AgencyDirectory => ({ agencies: (pid) => partnerships.agencies(pid) }),
      inject: [PartnershipQueries],
    },
    { provide: SourceCommands, useFactory: (e: CommandExecutor) => new SourceCommands(e), inject: [CommandExecutor] },
    {
      provide: RecommendationCommands,
      useFactory: (e: CommandExecutor, s: EventStore, a: AgencyDirectory, q: RecommendationQueries) =>
        new RecommendationCommands(e, s, a, q),
      inject: [...commandDeps, RecommendationQueries],
    },
    {
      provide: ActionCommands,
      useFactory: (e: CommandExecutor, s: EventStore, a: AgencyDirectory) => new ActionCommands(e, s, a),
      inject: commandDeps,
    },
    { provide: SourceQueries, useFactory: (d: DataSource) => new SourceQueries(d), inject: [DataSource] },
    { provide: RecommendationQueries, useFactory: (d: DataSource) => new RecommendationQueries(d), inject: [DataSource] },
    { provide: ActionQueries, useFactory: (d: DataSource) => new ActionQueries(d), inject: [DataSource] },
    { provide: ActionPlanQueries, useFactory: (d: DataSource) => new ActionPlanQueries(d), inject: [DataSource] },
  ],
  exports: [ActionQueries, HistoryReader, AGENCY_DIRECTORY],
})
export class LearningHttpModule {}

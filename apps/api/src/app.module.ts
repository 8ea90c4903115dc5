import { Module, type DynamicModule } from '@nestjs/common';
import type { LedgerRuntime } from './composition/ledger-runtime';
import { CoreModule } from './core/core.module';
import { HealthController } from './health/health.controller';
import { PartnershipHttpModule } from './partnerships/partnership-http.module';
import { LearningHttpModule } from './learning/learning-http.module';
import { ChallengeHttpModule } from './challenges/challenge-http.module';
import { TimeTravelModule } from './time-travel/time-travel.module';
import { IntegrityModule } from './integrity/integrity.module';
import { InsightsModule } from './insights/insights.module';
import { PeopleHttpModule } from './people/people-http.module';
import { InspectorGrantsModule } from './auth/inspector-grants.module';
import { InspectionPackModule } from './inspection-pack/inspection-pack.module';
import { MetricsModule } from './metrics/metrics.module';
import { ExportsModule } from './exports/exports.module';

@Module({})
export class AppModule {
  static forRoot(runtime: LedgerRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(runtime),
        PartnershipHttpModule,
        LearningHttpModule,
        ChallengeHttpModule,
        TimeTravelModule,
        IntegrityModule,
        InsightsModule,
        PeopleHttpModule,
        InspectorGrantsModule,
        InspectionPackModule,
        MetricsModule,
        ExportsModule,
      ],
      controllers: [HealthController],
    };
  }
}

import { Module } from '@nestjs/common';
import { AnalyticsController } from './analytics.controller';
import { InsightEventsReader } from './insight-events.reader';
import { InsightsService } from './insights.service';
import { LineageController } from './lineage.controller';

/** Lineage and analytics, computed from the event log (DataSource and Clock come from CoreModule). */
@Module({
  controllers: [LineageController, AnalyticsController],
  providers: [InsightEventsReader, InsightsService],
})
export class InsightsModule {}

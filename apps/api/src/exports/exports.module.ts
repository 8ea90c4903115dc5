import { Module } from '@nestjs/common';
import { LearningHttpModule } from '../learning/learning-http.module';
import { ActionPlanImporter } from '../imports/action-plan-importer';
import { ImportsController } from '../imports/imports.controller';
import { PeopleHttpModule } from '../people/people-http.module';
import { ActionPlanExporter } from './action-plan-export';
import { ExportsController } from './exports.controller';

/**
 * The action plan out (CSV, XLSX, at any instant; disclosed through the people module's
 * DisclosureService) and in (CSV, XLSX through the command services).
 */
@Module({
  imports: [LearningHttpModule, PeopleHttpModule],
  controllers: [ExportsController, ImportsController],
  providers: [ActionPlanExporter, ActionPlanImporter],
  exports: [ActionPlanExporter],
})
export class ExportsModule {}

import { Module } from '@nestjs/common';
import { PeopleHttpModule } from '../people/people-http.module';
import { InspectionPackBuilder } from './inspection-pack.builder';
import { InspectionPackController } from './inspection-pack.controller';

/**
 * GET /partnerships/{pid}/inspection-pack. Needs the TimeTravelReader (global), the DataSource
 * and the Clock (CoreModule), and the DisclosureService (PeopleHttpModule) for every file.
 */
@Module({ imports: [PeopleHttpModule], controllers: [InspectionPackController], providers: [InspectionPackBuilder] })
export class InspectionPackModule {}

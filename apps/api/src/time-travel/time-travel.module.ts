import { Global, Module } from '@nestjs/common';
import { ChangesController } from './changes.controller';
import { TimelineController } from './timeline.controller';
import { TimeTravelReader } from './time-travel.reader';

/**
 * Time travel (DESIGN §5): `/timeline`, `/changes`, and the reader the list and item queries use
 * for `asOf`/`validAt`. Global so the feature modules' controllers can inject the reader; it needs
 * only the DataSource and the event store from CoreModule.
 */
@Global()
@Module({
  controllers: [TimelineController, ChangesController],
  providers: [TimeTravelReader],
  exports: [TimeTravelReader],
})
export class TimeTravelModule {}

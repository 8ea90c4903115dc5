import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_CACHE_EVENTS, PartnershipLogCache } from './partnership-log-cache';
import { ChangesController } from './changes.controller';
import { TimelineController } from './timeline.controller';
import { TimeTravelReader } from './time-travel.reader';

/** LEDGER_TIME_TRAVEL_CACHE_EVENTS: events the as-of log cache may hold in memory (0 turns it off). */
function cacheBound(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_CACHE_EVENTS;
  const bound = Number(value);
  if (!Number.isInteger(bound) || bound < 0) throw new Error(`LEDGER_TIME_TRAVEL_CACHE_EVENTS must be a whole number, got "${value}"`);
  return bound;
}

/**
 * Time travel (DESIGN §5): `/timeline`, `/changes`, and the reader the list and item queries use
 * for `asOf`/`validAt`. Global so the feature modules' controllers can inject the reader; it needs
 * only the DataSource and the event store from CoreModule. `PartnershipLogCache` is exported
 * for the lineage and analytics reader too: one cached log per partnership serves both.
 */
@Global()
@Module({
  controllers: [TimelineController, ChangesController],
  providers: [
    TimeTravelReader,
    {
      provide: PartnershipLogCache,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new PartnershipLogCache(dataSource, cacheBound(process.env.LEDGER_TIME_TRAVEL_CACHE_EVENTS)),
    },
  ],
  exports: [TimeTravelReader, PartnershipLogCache],
})
export class TimeTravelModule {}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventMetadata } from '@ledger/event-sourcing';
import type { InsightEvent, TimeSlice } from '@ledger/insights';

interface EventRow {
  readonly stream_id: string;
  readonly stream_version: string;
  readonly event_type: string;
  readonly data: object;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

/**
 * Reads one partnership's events straight from the log (never the read models), cut at `asOf`
 * (record time) and `validAt` (business time; the partnership's own stream, reference data, by
 * record time only — see `isReferenceData`), in business-time order, then commit order.
 * Stored events are all schema v1 today; a v2 would need its context's upcaster here.
 */
@Injectable()
export class InsightEventsReader {
  constructor(private readonly dataSource: DataSource) {}

  async events(partnershipId: string, slice: TimeSlice): Promise<InsightEvent[]> {
    // recorded_at keeps microseconds, an instant milliseconds: "at or before" asOf includes the
    // event whose recordedAt was read back and passed as asOf.
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT stream_id, stream_version::text AS stream_version, event_type, data, metadata, recorded_at
         FROM events
        WHERE partnership_id = $1::uuid
          AND ($2::timestamptz IS NULL OR recorded_at < $2::timestamptz + interval '1 millisecond')
          AND ($3::timestamptz IS NULL OR occurred_at <= $3::timestamptz OR stream_id LIKE 'partnership-%')
        ORDER BY occurred_at, transaction_id, global_position`,
      [partnershipId, slice.asOf?.toISOString() ?? null, slice.validAt?.toISOString() ?? null],
    );
    return rows.map((row) => ({
      type: row.event_type,
      data: row.data,
      metadata: row.metadata,
      streamId: row.stream_id,
      streamVersion: BigInt(row.stream_version),
      recordedAt: row.recorded_at,
    }));
  }
}

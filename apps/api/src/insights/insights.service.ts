import { Injectable } from '@nestjs/common';
import { NotFound } from '@ledger/event-sourcing';
import {
  agencyAccountability,
  buildLineage,
  cycleTimes,
  enablerLens,
  englandWorkingDays,
  referenceInstant,
  statutoryTimeliness,
  themeMatrix,
  type Ledger,
  type LineageSelector,
  type TimeSlice,
} from '@ledger/insights';
import { Clock } from '../core/clock';
import { parseInstant } from '../http/instant';
import { InsightEventsReader } from './insight-events.reader';
import type { TimeSliceQueryDto } from './insights-query.dto';

/** What every insight answers with: the slice it was computed on and the instant it was judged at. */
export interface SliceEnvelope {
  readonly partnershipId: string;
  readonly asOf: string | null;
  readonly validAt: string | null;
  /** Overdue, ages and "today" are judged at this instant: validAt, else asOf, else now. */
  readonly judgedAt: string;
}

/** Folds the partnership's events into a ledger per request, and asks the pure insights of it. */
@Injectable()
export class InsightsService {
  constructor(
    private readonly reader: InsightEventsReader,
    private readonly clock: Clock,
  ) {}

  async lineage(pid: string, query: TimeSliceQueryDto, selector: LineageSelector) {
    const { envelope, ledger, at } = await this.load(pid, query);
    const lineage = buildLineage(ledger, selector, at);
    if (!lineage) {
      const [field, id] = Object.entries(selector)[0] ?? ['item', ''];
      throw new NotFound(field.replace(/Id$/, ''), String(id));
    }
    return { ...envelope, ...lineage };
  }

  async agencyAccountability(pid: string, query: TimeSliceQueryDto) {
    const { envelope, ledger, at } = await this.load(pid, query);
    return { ...envelope, agencies: agencyAccountability(ledger, at) };
  }

  async cycleTimes(pid: string, query: TimeSliceQueryDto) {
    const { envelope, ledger } = await this.load(pid, query);
    return { ...envelope, unit: 'calendar-days', stages: cycleTimes(ledger) };
  }

  async themes(pid: string, query: TimeSliceQueryDto) {
    const { envelope, ledger } = await this.load(pid, query);
    return { ...envelope, ...themeMatrix(ledger) };
  }

  async enablers(pid: string, query: TimeSliceQueryDto) {
    const { envelope, ledger } = await this.load(pid, query);
    return { ...envelope, ...enablerLens(ledger) };
  }

  async timeliness(pid: string, query: TimeSliceQueryDto) {
    const { envelope, ledger, at } = await this.load(pid, query);
    return { ...envelope, bankHolidays: 'England (date-holidays, GB-ENG)', ...statutoryTimeliness(ledger, at, englandWorkingDays) };
  }

  private async load(pid: string, query: TimeSliceQueryDto): Promise<{ envelope: SliceEnvelope; ledger: Ledger; at: Date }> {
    const asOf = query.asOf === undefined ? null : parseInstant(query.asOf);
    const validAt = query.validAt === undefined ? null : parseInstant(query.validAt);
    const slice: TimeSlice = { ...(asOf ? { asOf } : {}), ...(validAt ? { validAt } : {}) };
    const at = referenceInstant(slice, this.clock.now());
    const ledger = await this.reader.ledger(pid, slice);
    return {
      envelope: {
        partnershipId: pid,
        asOf: asOf?.toISOString() ?? null,
        validAt: validAt?.toISOString() ?? null,
        judgedAt: at.toISOString(),
      },
      ledger,
      at,
    };
  }
}

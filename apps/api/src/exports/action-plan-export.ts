import { Injectable } from '@nestjs/common';
import type { ActionPlanFilters, ActionPlanRow } from '@ledger/learning';
import { Clock } from '../core/clock';
import { DisclosureService } from '../people/disclosure.service';
import { instantsOf, judgedAt, type Instants } from '../time-travel/instants';
import { TimeTravelReader } from '../time-travel/time-travel.reader';
import { ownersByName } from './action-plan-disclosure';

/** The action plan at some instants, and what names the file it is exported to. */
export interface ActionPlanExport {
  readonly rows: readonly ActionPlanRow[];
  readonly at: Instants;
  /** The instant the plan is judged at (validAt, else asOf): the workbook's dates. */
  readonly instant: Date;
  readonly partnershipName: string;
  /** Without extension, e.g. `action-plan-northshire-scp-as-of-2026-03-01T090000.000Z`. */
  readonly fileStem: string;
}

/** `2026-03-01T09:00:00.000Z` → `2026-03-01T090000.000Z`: an instant safe in a file name on every system. */
const fileInstant = (instant: Date) => instant.toISOString().replace(/:/g, '');
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'partnership';

/**
 * Reads the action plan for an export through time travel: exact at `asOf`/`validAt`, and without
 * them at the moment of the request (`asOf` = now), so a live export is the as-of export of now.
 * The rows are disclosed before any file is rendered (ADR 0013): forgotten owners read `[erased]`
 * and redacted text `[redacted]` in the XLSX too, which the disclosure interceptor cannot rewrite.
 */
@Injectable()
export class ActionPlanExporter {
  constructor(
    private readonly timeTravel: TimeTravelReader,
    private readonly clock: Clock,
    private readonly disclosure: DisclosureService,
  ) {}

  async read(
    partnershipId: string,
    query: { readonly asOf?: string; readonly validAt?: string },
    filters: ActionPlanFilters,
  ): Promise<ActionPlanExport> {
    const at = instantsOf(query) ?? { asOf: this.clock.now() };
    const snapshot = await this.timeTravel.snapshot(partnershipId, at);
    const partnershipName = snapshot.partnership()?.name ?? partnershipId;
    const when = [
      ...(at.asOf ? [`as-of-${fileInstant(at.asOf)}`] : []),
      ...(at.validAt ? [`valid-at-${fileInstant(at.validAt)}`] : []),
    ].join('-');
    return {
      rows: ownersByName(await this.disclosure.disclose(partnershipId, snapshot.actionPlan(filters))),
      at,
      instant: judgedAt(at),
      partnershipName,
      fileStem: `action-plan-${slug(partnershipName)}-${when}`,
    };
  }
}

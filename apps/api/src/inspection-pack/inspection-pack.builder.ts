import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound } from '@ledger/event-sourcing';
import { actionPlanCsv } from '../exports/action-plan-columns';
import { ownersByName } from '../exports/action-plan-disclosure';
import { DisclosureService } from '../people/disclosure.service';
import { TimeTravelReader } from '../time-travel/time-travel.reader';
import { challengeLogCsv } from './challenge-log-csv';
import { ledgerReach } from './ledger-reach';
import { lineageFiles, lineageNames, packLineages } from './lineage-files';
import type { PackFile } from './pack-file';
import { manifestFile, packFilename, packManifest, type PackManifest } from './pack-manifest';
import { packSummary } from './pack-summary';
import { summaryPdf } from './summary-pdf';
import { zipFiles } from './zip-writer';

export interface InspectionPack {
  readonly filename: string;
  readonly manifest: PackManifest;
  readonly zip: Buffer;
}

/**
 * Builds the inspection pack (DESIGN §5) for a partnership as recorded at `asOf`: every file is
 * computed from one read of the partnership's events recorded by then (the time-travel reader),
 * so the pack is exact for the instant and the same instant always gives the same bytes.
 *
 * Everything a file shows passes DisclosureService once before rendering (ADR 0013): the zip and
 * the PDF are bytes the disclosure interceptor cannot rewrite. Forgotten people and redactions
 * apply as they stand at download, whatever the instant: erasure reaches every earlier pack too.
 */
@Injectable()
export class InspectionPackBuilder {
  constructor(
    private readonly timeTravel: TimeTravelReader,
    private readonly dataSource: DataSource,
    private readonly disclosure: DisclosureService,
  ) {}

  async build(partnershipId: string, asOf: Date): Promise<InspectionPack> {
    const snapshot = await this.timeTravel.snapshot(partnershipId, { asOf });
    const reach = await ledgerReach(this.dataSource, snapshot.events);
    const undisclosed = packSummary(snapshot, reach);
    if (!undisclosed) throw new NotFound('partnership', partnershipId);
    const { summary, actionPlan, challenges, lineages } = await this.disclosure.disclose(partnershipId, {
      summary: undisclosed,
      actionPlan: snapshot.actionPlan({}),
      challenges: snapshot.challenges({}),
      lineages: packLineages(snapshot.events, asOf, lineageNames(snapshot.recommendations({}))),
    });

    const files: PackFile[] = [
      { path: 'summary.pdf', bytes: await summaryPdf(summary) },
      { path: 'action-plan.csv', bytes: Buffer.from(actionPlanCsv(ownersByName(actionPlan)), 'utf8') },
      { path: 'challenge-log.csv', bytes: Buffer.from(challengeLogCsv(challenges, snapshot.agencies()), 'utf8') },
      ...lineageFiles(lineages, asOf, partnershipId),
    ];
    const manifest = packManifest({ id: partnershipId, name: summary.partnership.name }, asOf, reach, files);
    return {
      filename: packFilename(partnershipId, asOf),
      manifest,
      zip: await zipFiles([...files, manifestFile(manifest)], asOf),
    };
  }
}

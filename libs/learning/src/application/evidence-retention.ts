import { randomUUID } from 'node:crypto';
import { LedgerError, type CommandContext, type CommandExecutor } from '@ledger/event-sourcing';
import type { ActionCommand } from '../domain/action/action.commands';
import { actionDecider } from '../domain/action/action.decider';
import { actionStreamId } from '../domain/action/action.stream';
import { utcDate } from '../domain/action/retention/retention-class';
import { actionEventSchemaVersion, upcastActionEvent } from '../domain/action/schemas/action-event.upcast';
import type { DueEvidence, DueEvidenceCursor } from '../read-models/actions/evidence-retention.queries';

/** Where the retention job finds candidates (EvidenceRetentionQueries over rm_actions). */
export interface DueEvidenceFinder {
  due(today: string, limit: number, after: DueEvidenceCursor | null): Promise<DueEvidence[]>;
}

/** Who the ledger records as the actor of a disposal. */
export const RETENTION_ACTOR = { userId: 'ledger-retention-job', role: 'system' } as const;

export interface RetentionRunReport {
  /** The UTC day retention was judged on. */
  readonly today: string;
  /** Evidence disposed of by this run, with the position of each EvidenceDisposed. */
  readonly disposed: readonly (DueEvidence & { readonly position: string })[];
  /** Refused by the decider (e.g. the read model was behind the log), with the stable code. */
  readonly refused: readonly (DueEvidence & { readonly code: string })[];
}

export interface RetentionRunOptions {
  /** List what is due without writing anything. */
  readonly dryRun?: boolean;
  /** Candidates read per page (default 200). */
  readonly pageSize?: number;
}

/**
 * The retention job's work, with the clock passed in: finds evidence past retention on the UTC day
 * of `now` and disposes of each through the action decider. Each disposal runs under an
 * idempotency key derived from the evidence id, so its event id is deterministic: a re-run, or a
 * second instance racing this one, writes one EvidenceDisposed per evidence and no more.
 */
export class EvidenceRetention {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly finder: DueEvidenceFinder,
  ) {}

  async run(now: Date, options: RetentionRunOptions = {}): Promise<RetentionRunReport> {
    const today = utcDate(now);
    const pageSize = options.pageSize ?? 200;
    const disposed: (DueEvidence & { position: string })[] = [];
    const refused: (DueEvidence & { code: string })[] = [];
    let after: DueEvidenceCursor | null = null;
    const correlationId = randomUUID();
    for (;;) {
      const page = await this.finder.due(today, pageSize, after);
      for (const item of page) {
        if (options.dryRun) {
          disposed.push({ ...item, position: '' });
          continue;
        }
        try {
          disposed.push({ ...item, position: await this.dispose(item, now, correlationId) });
        } catch (error) {
          if (!(error instanceof LedgerError)) throw error;
          refused.push({ ...item, code: error.code });
        }
      }
      const last = page[page.length - 1];
      if (!last || page.length < pageSize) break;
      after = { actionId: last.actionId, evidenceId: last.evidenceId };
    }
    return { today, disposed, refused };
  }

  private async dispose(item: DueEvidence, now: Date, correlationId: string): Promise<string> {
    const context: CommandContext = {
      partnershipId: item.partnershipId,
      actor: RETENTION_ACTOR,
      now,
      correlationId,
      idempotencyKey: `evidence-disposal:${item.evidenceId}`,
      requestHash: `dispose-evidence:${item.actionId}:${item.evidenceId}`,
    };
    const outcome = await this.executor.execute({
      context,
      id: item.actionId,
      streamId: actionStreamId(item.actionId),
      what: 'action',
      decider: actionDecider,
      command: (metadata): ActionCommand => ({
        type: 'DisposeEvidence',
        data: { actionId: item.actionId, evidenceId: item.evidenceId, reason: 'retention-expired' },
        metadata,
      }),
      creates: false,
      upcast: upcastActionEvent,
      schemaVersionOf: actionEventSchemaVersion,
    });
    return outcome.position;
  }
}

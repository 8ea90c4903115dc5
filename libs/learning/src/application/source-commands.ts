import { randomUUID } from 'node:crypto';
import { deterministicUuid, type CommandContext, type CommandExecutor, type CommandOutcome, newIdFor } from '@ledger/event-sourcing';
import { sourceDecider } from '../domain/source/source.decider';
import type { SourceCommand } from '../domain/source/source.commands';
import { sourceStreamId, type SourceKind } from '../domain/source/source.values';

/** A command before the executor stamps its metadata. */
type Unsent<C> = C extends unknown ? Omit<C, 'metadata'> : never;

export interface RecordSourceBody {
  readonly kind: SourceKind;
  readonly title: string;
  readonly reference?: string;
}

export interface RecordFindingBody {
  readonly summary: string;
  readonly themes: readonly string[];
  readonly enablers: readonly string[];
  readonly goodPractice?: boolean;
}

export interface RecordSourceMilestoneBody {
  readonly milestone: string;
}

/** A finding's outcome: `id` is the new finding's id; `version` and `position` are its source's. */
export interface FindingOutcome extends CommandOutcome {
  readonly sourceId: string;
}

/** Commands on learning sources (stream `source-<id>`); ids are made here, never in the domain. */
export class SourceCommands {
  constructor(private readonly executor: CommandExecutor) {}

  record(context: CommandContext, body: RecordSourceBody): Promise<CommandOutcome> {
    const sourceId = newIdFor(context, 'source');
    return this.run(context, sourceId, true, { type: 'RecordSource', data: { sourceId, partnershipId: context.partnershipId, ...body } });
  }

  async recordFinding(context: CommandContext, sourceId: string, body: RecordFindingBody): Promise<FindingOutcome> {
    // With an Idempotency-Key the finding id is derived from it, so a replay answers the same id.
    const findingId = context.idempotencyKey
      ? deterministicUuid(`${context.partnershipId}|${context.actor.userId}|${context.idempotencyKey}|finding`)
      : randomUUID();
    const { themes, enablers, summary } = body;
    const outcome = await this.run(context, sourceId, false, {
      type: 'RecordFinding',
      data: { sourceId, findingId, summary, themes, enablers, goodPractice: body.goodPractice ?? false },
    });
    return { ...outcome, id: findingId, sourceId };
  }

  recordMilestone(context: CommandContext, sourceId: string, body: RecordSourceMilestoneBody): Promise<CommandOutcome> {
    return this.run(context, sourceId, false, { type: 'RecordSourceMilestone', data: { sourceId, milestone: body.milestone } });
  }

  close(context: CommandContext, sourceId: string): Promise<CommandOutcome> {
    return this.run(context, sourceId, false, { type: 'CloseSource', data: { sourceId } });
  }

  private run(context: CommandContext, sourceId: string, creates: boolean, command: Unsent<SourceCommand>): Promise<CommandOutcome> {
    return this.executor.execute({
      context,
      id: sourceId,
      streamId: sourceStreamId(sourceId),
      what: 'source',
      decider: sourceDecider,
      command: (metadata) => ({ ...command, metadata }),
      creates,
    });
  }
}

import { randomUUID } from 'node:crypto';
import {
  UnknownReference,
  type CommandContext,
  type CommandExecutor,
  type CommandOutcome,
  type EventStore,
  newIdFor,
} from '@ledger/event-sourcing';
import type { ActionCommand, EvidenceKind, Rag } from '../domain/action/action.commands';
import { actionDecider } from '../domain/action/action.decider';
import { actionStreamId } from '../domain/action/action.stream';
import type { RetentionClass } from '../domain/action/retention/retention-class';
import { actionEventSchemaVersion, upcastActionEvent } from '../domain/action/schemas/action-event.upcast';
import type { AgencyDirectory } from './ports';

/** A command before the executor stamps its metadata. */
type Unsent<C> = C extends unknown ? Omit<C, 'metadata'> : never;

export interface ProposeActionBody {
  readonly recommendationIds: readonly string[];
  readonly description: string;
  readonly leadAgencyId: string;
  readonly owner?: string;
  readonly targetDate: string;
  readonly successMeasure: string;
}

export interface AssureImpactBody {
  readonly method?: string;
}

export interface SupersedeActionBody {
  readonly successorActionId: string;
}

export interface RecordProgressBody {
  readonly narrative: string;
  readonly rag: Rag;
}

export interface ReviseTargetDateBody {
  readonly newTargetDate: string;
}

export interface AttachEvidenceBody {
  readonly title: string;
  readonly kind: EvidenceKind;
  readonly uri?: string;
  readonly sha256?: string;
  readonly describesImpact: boolean;
  readonly effectiveFrom?: string;
  /** Defaults to `standard` (docs/security.md, retention classes). */
  readonly retentionClass?: RetentionClass;
}

/**
 * Commands on actions (stream `action-<id>`), checking references across streams first.
 *
 * `reason` and `forum` always come from the CommandContext (the HTTP edge copies the body's
 * `reason`/`forum` there, as it does for every command), never from a body argument: cancel,
 * supersede, reopen, return-completion, record-impact-not-demonstrated and revise-target-date read
 * `context.reason`; verify-completion and assure-impact read `context.forum`, which the executor
 * also writes into each event's metadata. Ids (action, update, evidence) are generated here.
 */
export class ActionCommands {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: EventStore,
    private readonly agencies: AgencyDirectory,
  ) {}

  async propose(context: CommandContext, body: ProposeActionBody): Promise<CommandOutcome> {
    await this.checkLeadAgency(context.partnershipId, body.leadAgencyId);
    for (const recommendationId of body.recommendationIds) {
      if (!(await this.existsInPartnership(`recommendation-${recommendationId}`, context.partnershipId))) {
        throw new UnknownReference('recommendationIds', recommendationId);
      }
    }
    const actionId = newIdFor(context, 'action');
    const data = {
      actionId,
      partnershipId: context.partnershipId,
      recommendationIds: body.recommendationIds,
      description: body.description,
      leadAgencyId: body.leadAgencyId,
      ...(body.owner !== undefined ? { owner: body.owner } : {}),
      targetDate: body.targetDate,
      successMeasure: body.successMeasure,
    };
    return this.run(context, actionId, true, { type: 'ProposeAction', data });
  }

  agree(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'AgreeAction', data: { actionId } });
  }

  start(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'StartAction', data: { actionId } });
  }

  pause(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'PauseAction', data: { actionId } });
  }

  resume(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'ResumeAction', data: { actionId } });
  }

  claimCompletion(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'ClaimCompletion', data: { actionId } });
  }

  verifyCompletion(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'VerifyCompletion', data: { actionId, forum: context.forum ?? '' } });
  }

  returnCompletion(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'ReturnCompletion', data: { actionId, reason: context.reason ?? '' } });
  }

  assureImpact(context: CommandContext, actionId: string, body: AssureImpactBody = {}): Promise<CommandOutcome> {
    const data = {
      actionId,
      ...(context.forum !== undefined ? { forum: context.forum } : {}),
      ...(body.method !== undefined ? { method: body.method } : {}),
    };
    return this.run(context, actionId, false, { type: 'AssureImpact', data });
  }

  recordImpactNotDemonstrated(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    const data = { actionId, reason: context.reason ?? '' };
    return this.run(context, actionId, false, { type: 'RecordImpactNotDemonstrated', data });
  }

  close(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'CloseAction', data: { actionId } });
  }

  cancel(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'CancelAction', data: { actionId, reason: context.reason ?? '' } });
  }

  /** The successor must be an action of this partnership (422 unknown-reference otherwise). */
  async supersede(context: CommandContext, actionId: string, body: SupersedeActionBody): Promise<CommandOutcome> {
    const { successorActionId } = body;
    // A blank or self-naming successor is the decider's `successor-required`, not an unknown reference.
    const named = successorActionId.trim() !== '' && successorActionId !== actionId;
    if (named && !(await this.existsInPartnership(actionStreamId(successorActionId), context.partnershipId))) {
      throw new UnknownReference('successorActionId', successorActionId);
    }
    const data = { actionId, successorActionId, reason: context.reason ?? '' };
    return this.run(context, actionId, false, { type: 'SupersedeAction', data });
  }

  reopen(context: CommandContext, actionId: string): Promise<CommandOutcome> {
    return this.run(context, actionId, false, { type: 'ReopenAction', data: { actionId, reason: context.reason ?? '' } });
  }

  recordProgress(context: CommandContext, actionId: string, body: RecordProgressBody): Promise<CommandOutcome> {
    const data = { actionId, updateId: randomUUID(), narrative: body.narrative, rag: body.rag };
    return this.run(context, actionId, false, { type: 'RecordProgressUpdate', data });
  }

  reviseTargetDate(context: CommandContext, actionId: string, body: ReviseTargetDateBody): Promise<CommandOutcome> {
    const data = { actionId, newTargetDate: body.newTargetDate, reason: context.reason ?? '' };
    return this.run(context, actionId, false, { type: 'ReviseTargetDate', data });
  }

  attachEvidence(context: CommandContext, actionId: string, body: AttachEvidenceBody): Promise<CommandOutcome> {
    const data = {
      actionId,
      evidenceId: randomUUID(),
      title: body.title,
      kind: body.kind,
      ...(body.uri !== undefined ? { uri: body.uri } : {}),
      ...(body.sha256 !== undefined ? { sha256: body.sha256 } : {}),
      describesImpact: body.describesImpact,
      ...(body.effectiveFrom !== undefined ? { effectiveFrom: body.effectiveFrom } : {}),
      ...(body.retentionClass !== undefined ? { retentionClass: body.retentionClass } : {}),
    };
    return this.run(context, actionId, false, { type: 'AttachEvidence', data });
  }

  private async checkLeadAgency(partnershipId: string, leadAgencyId: string): Promise<void> {
    const agencies = await this.agencies.agencies(partnershipId);
    if (!agencies.has(leadAgencyId)) throw new UnknownReference('leadAgencyId', leadAgencyId);
  }

  /** A stream exists and its first event belongs to this partnership. */
  private async existsInPartnership(streamId: string, partnershipId: string): Promise<boolean> {
    const recorded = await this.store.readStream(streamId, { toVersion: 1n });
    return recorded[0]?.metadata.partnershipId === partnershipId;
  }

  private run(context: CommandContext, actionId: string, creates: boolean, unsent: Unsent<ActionCommand>): Promise<CommandOutcome> {
    return this.executor.execute({
      context,
      id: actionId,
      streamId: actionStreamId(actionId),
      what: 'action',
      decider: actionDecider,
      command: (metadata): ActionCommand => ({ ...unsent, metadata }),
      creates,
      upcast: upcastActionEvent,
      schemaVersionOf: actionEventSchemaVersion,
    });
  }
}

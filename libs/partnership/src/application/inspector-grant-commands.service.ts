import { newIdFor, type CommandContext, type CommandExecutor, type CommandOutcome } from '@ledger/event-sourcing';
import { inspectorGrantDecider, inspectorGrantStreamId } from '../domain/inspector-grant/inspector-grant.decider';
import type { InspectorGrantCommand } from '../domain/inspector-grant/inspector-grant.commands';
import { upcastInspectorGrantEvent } from '../schemas/inspector-grant.schemas';

export interface GrantInspectorAccessBody {
  readonly inspectorId: string;
  readonly from: Date;
  readonly until: Date;
  readonly reason: string;
}

/** Grants and revokes inspectors' time-boxed access (one stream per grant). */
export class InspectorGrantCommands {
  constructor(private readonly executor: CommandExecutor) {}

  grant(context: CommandContext, body: GrantInspectorAccessBody): Promise<CommandOutcome> {
    const grantId = newIdFor(context, 'inspector-grant');
    return this.run(context, grantId, true, {
      type: 'GrantInspectorAccess',
      data: { grantId, partnershipId: context.partnershipId, ...body },
    });
  }

  revoke(context: CommandContext, grantId: string, reason: string): Promise<CommandOutcome> {
    return this.run(context, grantId, false, {
      type: 'RevokeInspectorAccess',
      data: { grantId, partnershipId: context.partnershipId, reason },
    });
  }

  private run(
    context: CommandContext,
    grantId: string,
    creates: boolean,
    command: Omit<InspectorGrantCommand, 'metadata'>,
  ): Promise<CommandOutcome> {
    return this.executor.execute({
      context,
      id: grantId,
      streamId: inspectorGrantStreamId(grantId),
      what: 'inspector grant',
      decider: inspectorGrantDecider,
      command: (metadata) => ({ ...command, metadata }) as InspectorGrantCommand,
      creates,
      upcast: upcastInspectorGrantEvent,
    });
  }
}

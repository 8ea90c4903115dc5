import { UnknownReference, type CommandContext, type CommandExecutor, type CommandOutcome, newIdFor } from '@ledger/event-sourcing';
import type { ChallengeCommand } from '../domain/challenge.commands';
import { challengeDecider, challengeStreamId } from '../domain/challenge.decider';
import type { ChallengeActionDirectory, ChallengeAgencyDirectory } from './ports';

export interface RaiseChallengeBody {
  readonly toAgencyId: string;
  readonly subject: string;
  readonly detail: string;
  readonly responseDueDate: string;
}

type Data<T extends ChallengeCommand['type']> = Omit<Extract<ChallengeCommand, { type: T }>['data'], 'challengeId'>;

/** Commands of the Challenge context: the partnership's challenge log. */
export class ChallengeCommands {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly agencies: ChallengeAgencyDirectory,
    private readonly actions: ChallengeActionDirectory,
  ) {}

  /** Raises a challenge to one of the partnership's agencies; answers with the new challenge's id. */
  async raise(context: CommandContext, body: RaiseChallengeBody): Promise<CommandOutcome> {
    const known = await this.agencies.agencies(context.partnershipId);
    if (!known.has(body.toAgencyId)) throw new UnknownReference('toAgencyId', body.toAgencyId);
    const { toAgencyId, subject, detail, responseDueDate } = body;
    return this.run(context, newIdFor(context, 'challenge'), true, 'RaiseChallenge', {
      partnershipId: context.partnershipId,
      toAgencyId,
      subject,
      detail,
      responseDueDate,
    });
  }

  acknowledge(context: CommandContext, challengeId: string): Promise<CommandOutcome> {
    return this.run(context, challengeId, false, 'AcknowledgeChallenge', {});
  }

  respond(context: CommandContext, challengeId: string, body: { readonly response: string }): Promise<CommandOutcome> {
    return this.run(context, challengeId, false, 'RespondToChallenge', { response: body.response });
  }

  acceptResponse(context: CommandContext, challengeId: string): Promise<CommandOutcome> {
    return this.run(context, challengeId, false, 'AcceptResponse', {});
  }

  rejectResponse(context: CommandContext, challengeId: string, body: { readonly reason: string }): Promise<CommandOutcome> {
    return this.run(context, challengeId, false, 'RejectResponse', { reason: body.reason });
  }

  escalate(
    context: CommandContext,
    challengeId: string,
    body: { readonly level: string; readonly reason: string },
  ): Promise<CommandOutcome> {
    return this.run(context, challengeId, false, 'EscalateChallenge', { level: body.level, reason: body.reason });
  }

  resolve(context: CommandContext, challengeId: string, body: { readonly outcome: string }): Promise<CommandOutcome> {
    return this.run(context, challengeId, false, 'ResolveChallenge', { outcome: body.outcome });
  }

  withdraw(context: CommandContext, challengeId: string, body: { readonly reason: string }): Promise<CommandOutcome> {
    return this.run(context, challengeId, false, 'WithdrawChallenge', { reason: body.reason });
  }

  close(context: CommandContext, challengeId: string): Promise<CommandOutcome> {
    return this.run(context, challengeId, false, 'CloseChallenge', {});
  }

  /** Links an action of the same partnership (UnknownReference otherwise). */
  async linkAction(context: CommandContext, challengeId: string, body: { readonly actionId: string }): Promise<CommandOutcome> {
    if (!(await this.actions.exists(context.partnershipId, body.actionId))) throw new UnknownReference('actionId', body.actionId);
    return this.run(context, challengeId, false, 'LinkAction', { actionId: body.actionId });
  }

  private run<T extends ChallengeCommand['type']>(
    context: CommandContext,
    challengeId: string,
    creates: boolean,
    type: T,
    data: Data<T>,
  ): Promise<CommandOutcome> {
    return this.executor.execute({
      context,
      id: challengeId,
      streamId: challengeStreamId(challengeId),
      what: 'challenge',
      decider: challengeDecider,
      command: (metadata) => ({ type, data: { ...data, challengeId }, metadata }) as ChallengeCommand,
      creates,
    });
  }
}

import { randomUUID } from 'node:crypto';
import { deterministicUuid, type CommandContext, type CommandExecutor, type CommandOutcome } from '@ledger/event-sourcing';
import { partnershipDecider, partnershipStreamId } from '../domain/partnership.decider';
import type { PartnershipCommand } from '../domain/partnership.commands';

export interface RegisterPartnershipBody {
  readonly name: string;
  readonly localAuthorities: readonly string[];
}

export interface AddAgencyBody {
  readonly name: string;
  readonly kind: string;
}

export interface EstablishSubgroupBody {
  readonly name: string;
}

export interface PublishThemesBody {
  readonly themes: readonly string[];
}

type Data<T extends PartnershipCommand['type']> = Extract<PartnershipCommand, { type: T }>['data'];

/**
 * Commands of the Partnership context. Ids of new things (the partnership, an agency, a subgroup)
 * are made here; with an Idempotency-Key they are derived from it, so a retry names the same thing
 * and the executor can recognise it.
 */
export class PartnershipCommands {
  constructor(private readonly executor: CommandExecutor) {}

  /** The new partnership's id is its own tenant id: the command runs in a context naming it. */
  register(context: CommandContext, body: RegisterPartnershipBody): Promise<CommandOutcome> {
    const partnershipId = this.newId(context, 'partnership');
    return this.run({ ...context, partnershipId }, true, 'RegisterPartnership', {
      partnershipId,
      name: body.name,
      localAuthorities: body.localAuthorities,
    });
  }

  /** Answers with the new agency's id. */
  async addAgency(context: CommandContext, body: AddAgencyBody): Promise<CommandOutcome> {
    const agencyId = this.newId(context, 'agency');
    const outcome = await this.run(context, false, 'AddAgency', {
      partnershipId: context.partnershipId,
      agencyId,
      name: body.name,
      kind: body.kind,
    });
    return { ...outcome, id: agencyId };
  }

  /** Answers with the new subgroup's id. */
  async establishSubgroup(context: CommandContext, body: EstablishSubgroupBody): Promise<CommandOutcome> {
    const subgroupId = this.newId(context, 'subgroup');
    const outcome = await this.run(context, false, 'EstablishSubgroup', {
      partnershipId: context.partnershipId,
      subgroupId,
      name: body.name,
    });
    return { ...outcome, id: subgroupId };
  }

  publishThemes(context: CommandContext, body: PublishThemesBody): Promise<CommandOutcome> {
    return this.run(context, false, 'PublishThemes', { partnershipId: context.partnershipId, themes: body.themes });
  }

  private newId(context: CommandContext, kind: string): string {
    return context.idempotencyKey
      ? deterministicUuid(`${kind}|${context.partnershipId}|${context.actor.userId}|${context.idempotencyKey}`)
      : randomUUID();
  }

  private run<T extends PartnershipCommand['type']>(
    context: CommandContext,
    creates: boolean,
    type: T,
    data: Data<T>,
  ): Promise<CommandOutcome> {
    const id = context.partnershipId;
    return this.executor.execute({
      context,
      id,
      streamId: partnershipStreamId(id),
      what: 'partnership',
      decider: partnershipDecider,
      command: (metadata) => ({ type, data, metadata }) as PartnershipCommand,
      creates,
    });
  }
}

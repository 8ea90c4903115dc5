import {
  UnknownReference,
  type CommandContext,
  type CommandExecutor,
  type CommandOutcome,
  type EventStore,
  newIdFor,
} from '@ledger/event-sourcing';
import type { MakeRecommendation, RecommendationCommand } from '../domain/recommendation/recommendation.commands';
import { recommendationDecider } from '../domain/recommendation/recommendation.decider';
import { recommendationStreamId, type Decision, type Scope } from '../domain/recommendation/recommendation.values';
import { upcastSourceEvent } from '../domain/source/schemas/source.schemas';
import { sourceDecider } from '../domain/source/source.decider';
import { sourceStreamId } from '../domain/source/source.values';
import type { AgencyDirectory } from './ports';

/** A command before the executor stamps its metadata. */
type Unsent<C> = C extends unknown ? Omit<C, 'metadata'> : never;

export interface MakeRecommendationBody {
  readonly sourceId: string;
  readonly findingIds?: readonly string[];
  /** Absent: the next whole number among this source's recommendations. */
  readonly number?: string;
  readonly text: string;
  readonly addresseeAgencyIds: readonly string[];
  readonly scope: Scope;
}

export interface RespondToRecommendationBody {
  readonly decision: Decision;
  readonly reason?: string;
}

/** Where the next recommendation number of a source comes from (RecommendationQueries answers it). */
export interface RecommendationNumbering {
  nextNumber(partnershipId: string, sourceId: string): Promise<string>;
}

/** Commands on recommendations (stream `recommendation-<id>`), checking references across streams first. */
export class RecommendationCommands {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: EventStore,
    private readonly agencies: AgencyDirectory,
    private readonly numbering: RecommendationNumbering,
  ) {}

  async make(context: CommandContext, body: MakeRecommendationBody): Promise<CommandOutcome> {
    const findingIds = body.findingIds ?? [];
    await this.checkSourceAndFindings(context.partnershipId, body.sourceId, findingIds);
    await this.checkAgencies(context.partnershipId, body.addresseeAgencyIds);
    const number = body.number?.trim() || (await this.numbering.nextNumber(context.partnershipId, body.sourceId));
    const recommendationId = newIdFor(context, 'recommendation');
    const data: MakeRecommendation['data'] = {
      recommendationId,
      partnershipId: context.partnershipId,
      sourceId: body.sourceId,
      findingIds,
      number,
      text: body.text,
      addresseeAgencyIds: body.addresseeAgencyIds,
      scope: body.scope,
    };
    return this.run(context, recommendationId, true, { type: 'MakeRecommendation', data });
  }

  respond(context: CommandContext, recommendationId: string, body: RespondToRecommendationBody): Promise<CommandOutcome> {
    const data = { recommendationId, decision: body.decision, ...(body.reason !== undefined ? { reason: body.reason } : {}) };
    return this.run(context, recommendationId, false, { type: 'RespondToRecommendation', data });
  }

  private async checkSourceAndFindings(partnershipId: string, sourceId: string, findingIds: readonly string[]): Promise<void> {
    const recorded = await this.store.readStream(sourceStreamId(sourceId));
    if (recorded[0]?.metadata.partnershipId !== partnershipId) throw new UnknownReference('sourceId', sourceId);
    const source = recorded.map(upcastSourceEvent).reduce(sourceDecider.evolve, sourceDecider.initialState());
    const known = source.status === 'initial' ? [] : source.findingIds;
    const unknown = findingIds.find((id) => !known.includes(id));
    if (unknown !== undefined) throw new UnknownReference('findingIds', unknown);
  }

  private async checkAgencies(partnershipId: string, agencyIds: readonly string[]): Promise<void> {
    const agencies = await this.agencies.agencies(partnershipId);
    const unknown = agencyIds.find((id) => !agencies.has(id));
    if (unknown !== undefined) throw new UnknownReference('addresseeAgencyIds', unknown);
  }

  private run(
    context: CommandContext,
    recommendationId: string,
    creates: boolean,
    command: Unsent<RecommendationCommand>,
  ): Promise<CommandOutcome> {
    return this.executor.execute({
      context,
      id: recommendationId,
      streamId: recommendationStreamId(recommendationId),
      what: 'recommendation',
      decider: recommendationDecider,
      command: (metadata) => ({ ...command, metadata }),
      creates,
    });
  }
}

import type { InsightEvent } from '../insight-event';

export const PARTNERSHIP = '00000000-0000-4000-8000-0000000000b1';

interface Options {
  readonly forum?: string;
  /** Record time; defaults to the business time. */
  readonly recordedAt?: string;
}

/**
 * Builds a known event set, stream by stream, the way the store would record it: stream versions
 * count up per stream; metadata carries business time and forum. Test-only.
 */
export class EventLog {
  readonly events: InsightEvent[] = [];
  private readonly versions = new Map<string, number>();

  add(streamId: string, type: string, data: object, occurredAt: string, options: Options = {}): this {
    const version = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, version);
    this.events.push({
      type,
      data,
      metadata: { occurredAt, partnershipId: PARTNERSHIP, ...(options.forum ? { forum: options.forum } : {}) },
      streamId,
      streamVersion: BigInt(version),
      recordedAt: new Date(options.recordedAt ?? occurredAt),
    });
    return this;
  }

  partnership(name = 'Northshire Safeguarding Children Partnership', at = '2025-01-01T09:00:00Z'): this {
    return this.add(
      `partnership-${PARTNERSHIP}`,
      'PartnershipRegistered',
      { partnershipId: PARTNERSHIP, name, localAuthorities: ['Northshire'] },
      at,
    );
  }

  agency(agencyId: string, name: string, kind = 'police', at = '2025-01-01T09:00:00Z'): this {
    return this.add(`partnership-${PARTNERSHIP}`, 'AgencyAdded', { partnershipId: PARTNERSHIP, agencyId, name, kind }, at);
  }

  subgroup(name: string, at = '2025-01-01T09:00:00Z'): this {
    return this.add(
      `partnership-${PARTNERSHIP}`,
      'SubgroupEstablished',
      { partnershipId: PARTNERSHIP, subgroupId: `sg-${name}`, name },
      at,
    );
  }

  source(sourceId: string, kind: string, title: string, at: string, options?: Options): this {
    return this.add(
      `source-${sourceId}`,
      'SourceRecorded',
      { sourceId, partnershipId: PARTNERSHIP, kind, title, reference: null },
      at,
      options,
    );
  }

  finding(
    sourceId: string,
    findingId: string,
    at: string,
    tags: { themes?: string[]; enablers?: string[]; goodPractice?: boolean; summary?: string } = {},
  ): this {
    const { themes = [], enablers = [], goodPractice = false, summary = `Finding ${findingId}` } = tags;
    return this.add(`source-${sourceId}`, 'FindingRecorded', { sourceId, findingId, summary, themes, enablers, goodPractice }, at);
  }

  milestone(sourceId: string, milestone: string, at: string): this {
    return this.add(`source-${sourceId}`, 'SourceMilestoneReached', { sourceId, milestone }, at);
  }

  recommendation(
    recommendationId: string,
    sourceId: string,
    findingIds: string[],
    at: string,
    more: { number?: string; addresseeAgencyIds?: string[]; text?: string } = {},
  ): this {
    const { number = '1', addresseeAgencyIds = [], text = `Recommendation ${number}` } = more;
    return this.add(
      `recommendation-${recommendationId}`,
      'RecommendationMade',
      { recommendationId, partnershipId: PARTNERSHIP, sourceId, findingIds, number, text, addresseeAgencyIds, scope: 'local' },
      at,
    );
  }

  respond(recommendationId: string, decision: string, at: string, reason: string | null = null, options?: Options): this {
    return this.add(
      `recommendation-${recommendationId}`,
      'RecommendationResponded',
      { recommendationId, decision, reason, previousDecision: null },
      at,
      options,
    );
  }

  action(
    actionId: string,
    recommendationIds: string[],
    leadAgencyId: string,
    targetDate: string,
    at: string,
    description = `Action ${actionId}`,
  ): this {
    return this.add(
      `action-${actionId}`,
      'ActionProposed',
      {
        actionId,
        partnershipId: PARTNERSHIP,
        recommendationIds,
        description,
        leadAgencyId,
        owner: null,
        targetDate,
        successMeasure: 'Measured',
      },
      at,
    );
  }

  act(actionId: string, type: string, at: string, data: object = {}, options?: Options): this {
    return this.add(`action-${actionId}`, type, { actionId, ...data }, at, options);
  }

  evidence(
    actionId: string,
    evidenceId: string,
    at: string,
    describesImpact: boolean,
    title = `Evidence ${evidenceId}`,
    kind = 'policy',
  ): this {
    return this.act(actionId, 'EvidenceAttached', at, {
      evidenceId,
      title,
      kind,
      uri: null,
      sha256: null,
      describesImpact,
      effectiveFrom: null,
    });
  }

  challenge(challengeId: string, toAgencyId: string, responseDueDate: string, at: string, subject = `Challenge ${challengeId}`): this {
    return this.add(
      `challenge-${challengeId}`,
      'ChallengeRaised',
      { challengeId, partnershipId: PARTNERSHIP, toAgencyId, subject, detail: 'Detail', responseDueDate },
      at,
    );
  }

  challengeEvent(challengeId: string, type: string, at: string, data: object = {}): this {
    return this.add(`challenge-${challengeId}`, type, { challengeId, ...data }, at);
  }
}

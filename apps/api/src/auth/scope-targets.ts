import type { DataSource } from 'typeorm';
import { ChallengeQueries } from '@ledger/challenge';
import type { Scope } from '@ledger/identity';
import { ActionQueries, RecommendationQueries } from '@ledger/learning';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parts of a request a scope rule looks at. */
export interface ScopeRequest {
  readonly partnershipId: string;
  readonly params: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
  readonly now: Date;
}

/**
 * The agencies a scope rule's target belongs to: an action's lead agency, a recommendation's or a
 * challenge's addressees, a proposal's `leadAgencyId`. `'unknown'` when the target is not in the
 * partnership's read models; `'unchecked'` when the request names it in a form the route's own
 * validation will refuse (a malformed id), so the guard leaves the 400 to it.
 */
export class ScopeTargets {
  private readonly actions: ActionQueries;
  private readonly recommendations: RecommendationQueries;
  private readonly challenges: ChallengeQueries;

  constructor(dataSource: DataSource) {
    this.actions = new ActionQueries(dataSource);
    this.recommendations = new RecommendationQueries(dataSource);
    this.challenges = new ChallengeQueries(dataSource);
  }

  async agenciesOf(scope: Scope, request: ScopeRequest): Promise<readonly string[] | 'unknown' | 'unchecked'> {
    const { partnershipId: pid, params, now } = request;
    switch (scope) {
      case 'own-agency-action': {
        const id = single(params['aid']);
        if (!id || !UUID.test(id)) return 'unchecked';
        const action = await this.actions.get(pid, id, now);
        return action ? [action.leadAgencyId] : 'unknown';
      }
      case 'recommendation-to-own-agency': {
        const id = single(params['rid']);
        if (!id || !UUID.test(id)) return 'unchecked';
        const recommendation = await this.recommendations.get(pid, id);
        return recommendation ? recommendation.addresseeAgencyIds : 'unknown';
      }
      case 'challenge-to-own-agency': {
        const id = single(params['cid']);
        if (!id || !UUID.test(id)) return 'unchecked';
        const challenge = await this.challenges.get(pid, id, now);
        return challenge ? [challenge.toAgencyId] : 'unknown';
      }
      case 'own-agency-proposal': {
        const body = request.body;
        const lead = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['leadAgencyId'] : undefined;
        return typeof lead === 'string' ? [lead] : [];
      }
      default: {
        const unknownScope: never = scope;
        throw new Error(`no target for scope ${String(unknownScope)}`);
      }
    }
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

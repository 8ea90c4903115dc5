import type { Day } from './timeline';
import type { AgencyKind, Decision, Enabler, EscalationLevel, EvidenceKind, Rag, Scope, SourceKind } from './vocabulary';

/**
 * The demo scenario as data. Items refer to each other by scenario key; the loader resolves
 * keys to the ids the API hands back. Every dated thing is a timeline day (see timeline.ts).
 */
export type AgencyKey = 'council' | 'police' | 'icb' | 'trust' | 'schools' | 'probation' | 'vcs' | 'da-service';

/** Subgroups and boards that decide things; the loader appends the meeting date. */
export type Forum =
  | 'Learning & Improvement subgroup'
  | 'Quality Assurance & Performance subgroup'
  | 'Case Review subgroup'
  | 'Training subgroup'
  | 'Safeguarding Partnership Executive';

export interface AgencySpec {
  readonly key: AgencyKey;
  readonly name: string;
  readonly kind: AgencyKind;
}

export interface FindingSpec {
  readonly key: string;
  readonly day: Day;
  readonly summary: string;
  readonly themes: readonly string[];
  readonly enablers: readonly Enabler[];
  readonly goodPractice?: boolean;
}

export interface SourceSpec {
  readonly key: string;
  readonly kind: SourceKind;
  /** `{year}` becomes the year of `day`. */
  readonly title: string;
  readonly reference: string;
  readonly day: Day;
  readonly forum?: Forum;
  readonly findings: readonly FindingSpec[];
}

export interface RecommendationSpec {
  readonly key: string;
  readonly source: string;
  readonly findings: readonly string[];
  readonly number: string;
  readonly text: string;
  readonly addressees: readonly AgencyKey[];
  readonly scope: Scope;
  readonly day: Day;
  readonly response: { readonly day: Day; readonly decision: Decision; readonly reason: string; readonly forum: Forum };
}

interface StepBase {
  readonly day: Day;
  readonly forum?: Forum;
}

/** One command in an action's life, after it was proposed. */
export type ActionStep =
  | (StepBase & { readonly do: 'agree' | 'start' | 'resume' | 'claim-completion' | 'verify-completion' | 'assure-impact' | 'close' })
  | (StepBase & {
      readonly do: 'pause' | 'return-completion' | 'record-impact-not-demonstrated' | 'cancel' | 'reopen';
      readonly reason: string;
    })
  | (StepBase & { readonly do: 'supersede'; readonly successor: string; readonly reason: string })
  | (StepBase & { readonly do: 'progress'; readonly rag: Rag; readonly narrative: string })
  | (StepBase & { readonly do: 'revise-target'; readonly newTargetDay: Day; readonly reason: string })
  | (StepBase & { readonly do: 'evidence'; readonly kind: EvidenceKind; readonly title: string; readonly describesImpact: boolean });

export type ActionStepKind = ActionStep['do'];

export interface ActionSpec {
  readonly key: string;
  readonly recommendations: readonly string[];
  readonly description: string;
  readonly lead: AgencyKey;
  /** A role title, never a person's name. */
  readonly owner: string;
  readonly day: Day;
  readonly targetDay: Day;
  readonly successMeasure: string;
  readonly journey: readonly ActionStep[];
}

export type ChallengeStep =
  | (StepBase & { readonly do: 'acknowledge' | 'accept-response' | 'close' })
  | (StepBase & { readonly do: 'respond'; readonly response: string })
  | (StepBase & { readonly do: 'reject-response' | 'withdraw'; readonly reason: string })
  | (StepBase & { readonly do: 'escalate'; readonly level: EscalationLevel; readonly reason: string })
  | (StepBase & { readonly do: 'resolve'; readonly outcome: string })
  | (StepBase & { readonly do: 'link-action'; readonly action: string });

export interface ChallengeSpec {
  readonly key: string;
  readonly to: AgencyKey;
  readonly subject: string;
  readonly detail: string;
  readonly day: Day;
  readonly responseDueDay: Day;
  readonly steps: readonly ChallengeStep[];
}

export interface Scenario {
  readonly partnership: { readonly name: string; readonly localAuthorities: readonly string[]; readonly day: Day };
  readonly agencies: readonly AgencySpec[];
  readonly sources: readonly SourceSpec[];
  readonly recommendations: readonly RecommendationSpec[];
  readonly actions: readonly ActionSpec[];
  readonly challenges: readonly ChallengeSpec[];
}

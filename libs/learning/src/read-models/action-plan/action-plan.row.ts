import type { Rag } from '../../domain/action/action.commands';
import type { ActionStatus } from '../../domain/action/action.state';
import type { ActionDocument, ImpactStatus, LatestUpdate, TargetDateRevisionEntry } from '../actions/action.document';
import { deriveTimeliness, type Timeliness } from '../actions/action-timeliness';

/** One row of the action plan (DESIGN §5): an action under one of its recommendations. */
export interface ActionPlanRow {
  /** Null until the recommendation's source is projected. */
  readonly source: { readonly id: string; readonly kind: string; readonly title: string } | null;
  /** `number`/`text` are null until the recommendation is projected. */
  readonly recommendation: { readonly id: string; readonly number: string | null; readonly text: string | null };
  readonly action: { readonly id: string; readonly description: string; readonly successMeasure: string; readonly version: number };
  /** `name` is null when the agency directory does not know the id. */
  readonly leadAgency: { readonly id: string; readonly name: string | null };
  readonly owner: string | null;
  readonly targetDate: { readonly original: string; readonly current: string; readonly revisions: readonly TargetDateRevisionEntry[] };
  readonly ownerRag: Rag | null;
  readonly timeliness: Timeliness;
  readonly overdue: boolean;
  readonly slipped: boolean;
  readonly stale: boolean;
  readonly status: ActionStatus;
  readonly latestUpdate: LatestUpdate | null;
  readonly evidenceCount: number;
  readonly impactEvidenceCount: number;
  readonly impactStatus: ImpactStatus;
}

/** What the SQL join returns per (action, recommendation). */
export interface ActionPlanRecord {
  readonly action: ActionDocument;
  readonly recommendation_id: string;
  readonly recommendation_number: string | null;
  readonly recommendation_text: string | null;
  readonly source_id: string | null;
  readonly source_kind: string | null;
  readonly source_title: string | null;
}

export function toActionPlanRow(
  record: ActionPlanRecord,
  now: Date,
  agencies: ReadonlyMap<string, { readonly name: string }>,
): ActionPlanRow {
  const { action } = record;
  const { timeliness, overdue, slipped, stale } = deriveTimeliness(action, now);
  return {
    source: record.source_id === null ? null : { id: record.source_id, kind: record.source_kind ?? '', title: record.source_title ?? '' },
    recommendation: { id: record.recommendation_id, number: record.recommendation_number, text: record.recommendation_text },
    action: { id: action.id, description: action.description, successMeasure: action.successMeasure, version: action.version },
    leadAgency: { id: action.leadAgencyId, name: agencies.get(action.leadAgencyId)?.name ?? null },
    owner: action.owner,
    targetDate: action.targetDate,
    ownerRag: action.ownerRag,
    timeliness,
    overdue,
    slipped,
    stale,
    status: action.status,
    latestUpdate: action.latestUpdate,
    evidenceCount: action.evidenceCount,
    impactEvidenceCount: action.impactEvidenceCount,
    impactStatus: action.impactStatus,
  };
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Plan order: source title, recommendation number (2 before 10), action creation, ids as tie-breakers. */
export function compareActionPlanRows(a: ActionPlanRecord, b: ActionPlanRecord): number {
  return (
    collator.compare(a.source_title ?? '\uffff', b.source_title ?? '\uffff') ||
    collator.compare(a.source_id ?? '', b.source_id ?? '') ||
    collator.compare(a.recommendation_number ?? '\uffff', b.recommendation_number ?? '\uffff') ||
    a.recommendation_id.localeCompare(b.recommendation_id) ||
    a.action.createdAt.localeCompare(b.action.createdAt) ||
    a.action.id.localeCompare(b.action.id)
  );
}

/** The API's answers as the UI reads them (DESIGN §5); only the fields the screens show. */

export interface Partnership {
  readonly id: string;
  readonly name: string;
}

export interface TargetDateRevision {
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

export interface ActionPlanRow {
  readonly source: { readonly id: string; readonly kind: string; readonly title: string } | null;
  readonly recommendation: { readonly id: string; readonly number: string | null; readonly text: string | null };
  readonly action: { readonly id: string; readonly description: string; readonly version: number };
  readonly leadAgency: { readonly id: string; readonly name: string | null };
  readonly owner: string | null;
  readonly targetDate: { readonly original: string; readonly current: string; readonly revisions: readonly TargetDateRevision[] };
  readonly ownerRag: string | null;
  readonly timeliness: string;
  readonly status: string;
  readonly evidenceCount: number;
  readonly impactStatus: string;
  /** Set on time-travel answers: some of the action's events were recorded after they occurred. */
  readonly backdated?: boolean;
  readonly backdatedEvents?: number;
}

export interface ActionPlan {
  readonly generatedAt: string;
  readonly asOf?: string | null;
  readonly validAt?: string | null;
  readonly rows: readonly ActionPlanRow[];
}

export interface HistoryEntry {
  readonly position: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: { readonly userId?: string; readonly role?: string } | null;
  readonly data: Readonly<Record<string, unknown>> | null;
  readonly backdated: boolean;
  readonly backdatedReason: string | null;
}

export interface LineageNode {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly status: string;
  readonly why: string;
}

export interface Lineage {
  readonly nodes: readonly LineageNode[];
}

/** Which moment a query reads: `asOf` = record time, `validAt` = business time (ISO-8601 instants). */
export interface Instants {
  readonly asOf: string;
  readonly validAt: string;
}

export interface PlanFilters {
  readonly status: string;
  readonly overdue: boolean;
}

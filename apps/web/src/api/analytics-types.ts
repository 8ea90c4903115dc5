/** The analytics answers (apps/api/src/insights, libs/insights/src/analytics) as the UI reads them. */

export interface AgencyAccountabilityRow {
  readonly agencyId: string;
  readonly agencyName: string | null;
  readonly agencyKind: string | null;
  readonly actions: {
    readonly led: number;
    readonly open: number;
    readonly overdue: number;
    readonly slipped: number;
    readonly late: number;
    readonly averageDaysLate: number | null;
  };
  readonly challenges: {
    readonly received: number;
    readonly open: number;
    readonly responseOverdue: number;
    readonly averageOpenAgeDays: number | null;
    readonly oldestOpenAgeDays: number | null;
  };
}

export interface AgencyAccountabilityReport {
  readonly agencies: readonly AgencyAccountabilityRow[];
}

export interface TimelinessSummary {
  readonly total: number;
  readonly onTime: number;
  readonly late: number;
  readonly overdue: number;
  readonly pending: number;
  readonly shareOnTime: number | null;
  readonly averageLate: number | null;
}

export interface TimelinessReport {
  readonly bankHolidays?: string;
  readonly rapidReviews: { readonly workingDayLimit: number; readonly summary: TimelinessSummary };
  readonly challengeResponses: { readonly summary: TimelinessSummary };
}

export interface Distribution {
  readonly count: number;
  readonly median: number | null;
  readonly p90: number | null;
}

export interface CycleStageTimes {
  readonly stage: string;
  readonly overall: Distribution;
}

export interface CycleTimesReport {
  readonly unit: string;
  readonly stages: readonly CycleStageTimes[];
}

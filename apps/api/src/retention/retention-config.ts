/** How often the evidence retention job runs where projections run (docs/operations.md). */
export interface RetentionConfig {
  /** Minutes between runs; null = the schedule is off (`ledger retention --run` still works). */
  readonly intervalMinutes: number | null;
}

export const DEFAULT_RETENTION_INTERVAL_MINUTES = 360;
/** A week: longer would overflow the timer, and retention is judged by the day anyway. */
const MAX_INTERVAL_MINUTES = 10_080;

/** `LEDGER_RETENTION_INTERVAL_MINUTES`: a positive number of minutes (default 360), or `off`/`0`. */
export function loadRetentionConfig(env: NodeJS.ProcessEnv): RetentionConfig {
  const raw = env.LEDGER_RETENTION_INTERVAL_MINUTES?.trim();
  if (raw === undefined || raw === '') return { intervalMinutes: DEFAULT_RETENTION_INTERVAL_MINUTES };
  if (raw === 'off' || raw === '0') return { intervalMinutes: null };
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_INTERVAL_MINUTES) {
    throw new Error(`LEDGER_RETENTION_INTERVAL_MINUTES must be minutes between 0 and ${MAX_INTERVAL_MINUTES}, or "off"; got "${raw}"`);
  }
  return { intervalMinutes: minutes };
}

export function describeRetentionConfig(config: RetentionConfig): string[] {
  return [
    `LEDGER_RETENTION_INTERVAL_MINUTES=${
      config.intervalMinutes === null
        ? 'off (run ledger retention --run)'
        : `${config.intervalMinutes} (evidence retention job, where projections run)`
    }`,
  ];
}

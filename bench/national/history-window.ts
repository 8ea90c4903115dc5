/** The business-time window every generated history lives in: September 2019 to November 2026. */
export const HISTORY_START = Date.UTC(2019, 8, 1);
export const HISTORY_END = Date.UTC(2026, 10, 20);

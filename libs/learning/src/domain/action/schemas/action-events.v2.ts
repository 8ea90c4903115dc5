import type { ActionEventDataV1 } from './action-events.v1';

/**
 * Stored JSON shapes, version 2, of the action events that have one. Frozen like v1: a later
 * change gets a v3 and an upcaster.
 *
 * `EvidenceAttached.v2` adds the evidence's retention class and the `YYYY-MM-DD` its retention
 * runs from (the evidence's `effectiveFrom`, else the day it was recorded).
 */
export interface ActionEventDataV2 {
  readonly EvidenceAttached: ActionEventDataV1['EvidenceAttached'] & {
    readonly retentionClass: 'working-papers' | 'standard' | 'review-record' | 'permanent';
    readonly retentionFrom: string;
  };
}

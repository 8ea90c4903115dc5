import type { ActionEvent, ActionEventType } from '../action.events';
import { isActionEventType } from '../action.events';
import { DEFAULT_RETENTION_CLASS } from '../retention/retention-class';
import type { ActionEventDataV1 } from './action-events.v1';
import type { ActionEventDataV2 } from './action-events.v2';

/** The schema version new action events are written with, per type. */
export const CURRENT_ACTION_SCHEMA_VERSIONS: Readonly<Record<ActionEventType, number>> = {
  ActionProposed: 1,
  ActionAgreed: 1,
  ActionStarted: 1,
  ActionPaused: 1,
  ActionResumed: 1,
  CompletionClaimed: 1,
  CompletionVerified: 1,
  CompletionReturned: 1,
  ImpactAssured: 1,
  ImpactNotDemonstrated: 1,
  ActionClosed: 1,
  ActionCancelled: 1,
  ActionSuperseded: 1,
  ActionReopened: 1,
  ProgressUpdated: 1,
  TargetDateRevised: 1,
  EvidenceAttached: 2,
  EvidenceDisposed: 1,
};

/** Every stored schema this code reads: each version up to the current one (`EvidenceAttached.v1`, `.v2`, …). */
export const ACTION_EVENT_SCHEMAS: readonly string[] = (Object.keys(CURRENT_ACTION_SCHEMA_VERSIONS) as ActionEventType[]).flatMap((type) =>
  Array.from({ length: CURRENT_ACTION_SCHEMA_VERSIONS[type] }, (_, index) => `${type}.v${index + 1}`),
);

/** The stored schema name, e.g. `ActionProposed.v1`. */
export function actionEventSchemaName(type: ActionEventType, version = CURRENT_ACTION_SCHEMA_VERSIONS[type]): string {
  return `${type}.v${version}`;
}

/** A stored event whose type or schema version this code does not know (a deployment error). */
export class UnknownActionEventSchema extends Error {
  constructor(
    readonly type: string,
    readonly schemaVersion: number,
  ) {
    super(`no upcaster for stored action event ${type}.v${schemaVersion}`);
    this.name = 'UnknownActionEventSchema';
  }
}

/** What the upcaster needs of a stored event; a RecordedEvent fits. */
export interface StoredActionEvent {
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: object;
  /** Record time: where a v1 EvidenceAttached without `effectiveFrom` starts its retention. */
  readonly recordedAt?: Date;
}

/** The schema version to store a new action event with (for the command executor). */
export function actionEventSchemaVersion(event: ActionEvent): number {
  return CURRENT_ACTION_SCHEMA_VERSIONS[event.type];
}

/*
 * Compile-time guard: each type's current stored shape must be exactly the in-memory data (for
 * `EvidenceAttached`, v2 must fit it with the same fields). When an in-memory shape changes this
 * stops compiling until that type gets a new stored version and an upcaster below.
 */
type DataOf<T extends ActionEventType> = Extract<ActionEvent, { type: T }>['data'];
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AtV1 = Exclude<ActionEventType, keyof ActionEventDataV2>;
type V1Checks = { [T in AtV1]: SameShape<ActionEventDataV1[T], DataOf<T>> }[AtV1];
type V2Fits = [ActionEventDataV2['EvidenceAttached']] extends [DataOf<'EvidenceAttached'>]
  ? SameShape<keyof ActionEventDataV2['EvidenceAttached'], keyof DataOf<'EvidenceAttached'>>
  : false;
const storedIsCurrent: false extends V1Checks | V2Fits ? false : true = true;
void storedIsCurrent;

/**
 * Maps a stored action event (type, schemaVersion, data) to the current in-memory event. Stored
 * events are never rewritten: `EvidenceAttached.v1` reads as retention class `standard`, running
 * from its `effectiveFrom`, else from the day it was recorded.
 */
export function upcastActionEvent(stored: StoredActionEvent): ActionEvent {
  const version = stored.schemaVersion ?? 1;
  if (!isActionEventType(stored.type) || version > CURRENT_ACTION_SCHEMA_VERSIONS[stored.type]) {
    throw new UnknownActionEventSchema(stored.type, version);
  }
  if (stored.type === 'EvidenceAttached' && version === 1) return evidenceAttachedFromV1(stored);
  if (version === CURRENT_ACTION_SCHEMA_VERSIONS[stored.type]) return { type: stored.type, data: stored.data } as ActionEvent;
  throw new UnknownActionEventSchema(stored.type, version);
}

function evidenceAttachedFromV1(stored: StoredActionEvent): ActionEvent {
  const data = stored.data as ActionEventDataV1['EvidenceAttached'];
  const recordedOn = stored.recordedAt ? stored.recordedAt.toISOString().slice(0, 10) : null;
  return {
    type: 'EvidenceAttached',
    data: { ...data, retentionClass: DEFAULT_RETENTION_CLASS, retentionFrom: data.effectiveFrom ?? recordedOn },
  };
}

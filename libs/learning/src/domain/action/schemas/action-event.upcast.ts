import type { ActionEvent, ActionEventType } from '../action.events';
import { isActionEventType } from '../action.events';
import type { ActionEventDataV1 } from './action-events.v1';

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
  EvidenceAttached: 1,
};

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
}

/*
 * Compile-time guard: while v1 is current, each v1 stored shape must be exactly the in-memory
 * data. When an event's in-memory shape changes this stops compiling until that type gets an
 * upcaster from v1 below.
 */
type DataOf<T extends ActionEventType> = Extract<ActionEvent, { type: T }>['data'];
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type V1Checks = { [T in ActionEventType]: SameShape<ActionEventDataV1[T], DataOf<T>> }[ActionEventType];
const v1IsCurrent: false extends V1Checks ? false : true = true;
void v1IsCurrent;

/**
 * Maps a stored action event (type, schemaVersion, data) to the current in-memory event. Only v1
 * exists, so v1 maps as-is; later versions add a case here and leave stored events untouched.
 */
export function upcastActionEvent(stored: StoredActionEvent): ActionEvent {
  const version = stored.schemaVersion ?? 1;
  if (!isActionEventType(stored.type)) throw new UnknownActionEventSchema(stored.type, version);
  if (version === 1) return { type: stored.type, data: stored.data } as ActionEvent;
  throw new UnknownActionEventSchema(stored.type, version);
}

import type { ChallengeEvent, ChallengeEventType } from '../domain/challenge.events';
import type {
  ChallengeEscalatedV1,
  ChallengeIdOnlyV1,
  ChallengeLinkedToActionV1,
  ChallengeRaisedV1,
  ChallengeReasonV1,
  ChallengeResolvedV1,
  ChallengeRespondedV1,
} from './challenge-event.v1';

/** Every stored version of every challenge event type. */
interface StoredShapes {
  ChallengeRaised: { 1: ChallengeRaisedV1 };
  ChallengeAcknowledged: { 1: ChallengeIdOnlyV1 };
  ChallengeResponded: { 1: ChallengeRespondedV1 };
  ChallengeResponseAccepted: { 1: ChallengeIdOnlyV1 };
  ChallengeResponseRejected: { 1: ChallengeReasonV1 };
  ChallengeEscalated: { 1: ChallengeEscalatedV1 };
  ChallengeResolved: { 1: ChallengeResolvedV1 };
  ChallengeWithdrawn: { 1: ChallengeReasonV1 };
  ChallengeClosed: { 1: ChallengeIdOnlyV1 };
  ChallengeLinkedToAction: { 1: ChallengeLinkedToActionV1 };
}

type DataOf<T extends ChallengeEventType> = Extract<ChallengeEvent, { type: T }>['data'];

/** One upcaster per stored version, each mapping that version's JSON to today's event data. */
type Upcasters = { [T in ChallengeEventType]: { [V in keyof StoredShapes[T]]: (data: StoredShapes[T][V]) => DataOf<T> } };

const upcasters: Upcasters = {
  ChallengeRaised: { 1: (data) => data },
  ChallengeAcknowledged: { 1: (data) => data },
  ChallengeResponded: { 1: (data) => data },
  ChallengeResponseAccepted: { 1: (data) => data },
  ChallengeResponseRejected: { 1: (data) => data },
  ChallengeEscalated: { 1: (data) => data },
  ChallengeResolved: { 1: (data) => data },
  ChallengeWithdrawn: { 1: (data) => data },
  ChallengeClosed: { 1: (data) => data },
  ChallengeLinkedToAction: { 1: (data) => data },
};

/** The schema version new events of each type are written with. */
export const CHALLENGE_SCHEMA_VERSIONS: { readonly [T in ChallengeEventType]: number } = {
  ChallengeRaised: 1,
  ChallengeAcknowledged: 1,
  ChallengeResponded: 1,
  ChallengeResponseAccepted: 1,
  ChallengeResponseRejected: 1,
  ChallengeEscalated: 1,
  ChallengeResolved: 1,
  ChallengeWithdrawn: 1,
  ChallengeClosed: 1,
  ChallengeLinkedToAction: 1,
};

/** Names of the stored schemas (`ChallengeRaised.v1`, ...), e.g. for the event catalogue. */
export const CHALLENGE_EVENT_SCHEMAS: readonly string[] = Object.entries(upcasters).flatMap(([type, versions]) =>
  Object.keys(versions).map((version) => `${type}.v${version}`),
);

export interface StoredChallengeEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

export class UnknownChallengeEventSchema extends Error {
  constructor(type: string, schemaVersion: number) {
    super(`no upcaster for stored event ${type}.v${schemaVersion}`);
    this.name = 'UnknownChallengeEventSchema';
  }
}

function isChallengeEventType(type: string): type is ChallengeEventType {
  return Object.prototype.hasOwnProperty.call(upcasters, type);
}

/** Maps a stored event (type, schemaVersion, data as stored) to the current in-memory event. */
export function upcastChallengeEvent(stored: StoredChallengeEvent): ChallengeEvent {
  const { type, schemaVersion } = stored;
  if (!isChallengeEventType(type)) throw new UnknownChallengeEventSchema(type, schemaVersion);
  const versions = upcasters[type] as Readonly<Record<number, ((data: never) => ChallengeEvent['data']) | undefined>>;
  const upcast = versions[schemaVersion];
  if (!upcast) throw new UnknownChallengeEventSchema(type, schemaVersion);
  return { type, data: upcast(stored.data as never) } as ChallengeEvent;
}

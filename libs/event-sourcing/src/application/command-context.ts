import type { Actor } from '../core/event';

/** Everything about a command request that is not its body: who, when, on whose authority. */
export interface CommandContext {
  readonly partnershipId: string;
  readonly actor: Actor;
  /** Record-side "now" for the decider (the clock is read once, at the edge). */
  readonly now: Date;
  /** Business time claimed by the request (DESIGN §3); defaults to `now`. */
  readonly occurredAt?: Date;
  /** Why the event is back-dated, or the reason the command body gave. */
  readonly reason?: string;
  readonly forum?: string;
  readonly correlationId: string;
  /** Idempotency-Key header, if any, and a hash of the request it came with. */
  readonly idempotencyKey?: string;
  readonly requestHash?: string;
  /** If-Match header as a version. */
  readonly ifMatch?: bigint;
}

/** What a command answers with (DESIGN §5: `{ id, version, position }`). */
export interface CommandOutcome {
  readonly id: string;
  readonly version: bigint;
  readonly position: string;
}

/** DI token for read-your-writes: resolves once the read models include `position`. */
export const PROJECTION_PROGRESS = Symbol('PROJECTION_PROGRESS');

export interface ProjectionProgress {
  waitFor(position: string): Promise<void>;
}

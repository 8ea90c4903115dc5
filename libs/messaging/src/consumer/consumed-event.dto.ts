import { plainToInstance } from 'class-transformer';
import { Equals, IsIn, IsISO8601, IsNotEmpty, IsObject, IsString, Matches, validateSync } from 'class-validator';

/*
 * What the consumer accepts from the topic, validated at the edge (STYLE.md). A downstream
 * consumer codes against the published contracts (docs/contracts/*.schema.json), not against the
 * ledger's code: these DTOs restate only the fields it reads.
 */

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CloudEventEnvelopeDto {
  @Equals('1.0') specversion!: string;
  @IsString() @IsNotEmpty() id!: string;
  @Matches(/^uk\.learning-ledger\.[A-Za-z]+\.v\d+$/) type!: string;
  @IsString() @IsNotEmpty() source!: string;
  @IsString() @IsNotEmpty() subject!: string;
  @IsISO8601() time!: string;
  @IsObject() data!: Record<string, unknown>;
}

export const ACTION_STATUSES = [
  'proposed',
  'agreed',
  'in-progress',
  'paused',
  'completion-claimed',
  'completion-verified',
  'impact-assured',
  'closed',
  'cancelled',
  'superseded',
] as const;
export const CHALLENGE_STATUSES = [
  'raised',
  'acknowledged',
  'responded',
  'response-accepted',
  'response-rejected',
  'escalated',
  'resolved',
  'withdrawn',
  'closed',
] as const;

export class ActionProposedDto {
  @IsString() @IsNotEmpty() actionId!: string;
  @IsString() @IsNotEmpty() partnershipId!: string;
  @IsString() @IsNotEmpty() leadAgencyId!: string;
  @Matches(CALENDAR_DATE) targetDate!: string;
}

export class ActionMovedDto {
  @IsString() @IsNotEmpty() actionId!: string;
  @IsIn(ACTION_STATUSES) status!: (typeof ACTION_STATUSES)[number];
}

export class TargetDateRevisedDto {
  @IsString() @IsNotEmpty() actionId!: string;
  @Matches(CALENDAR_DATE) newTargetDate!: string;
}

export class ChallengeRaisedDto {
  @IsString() @IsNotEmpty() challengeId!: string;
  @IsString() @IsNotEmpty() partnershipId!: string;
  @IsString() @IsNotEmpty() toAgencyId!: string;
}

export class ChallengeMovedDto {
  @IsString() @IsNotEmpty() challengeId!: string;
  @IsIn(CHALLENGE_STATUSES) status!: (typeof CHALLENGE_STATUSES)[number];
}

/** A message the consumer cannot read: not JSON, not a ledger CloudEvent, or data off contract. */
export class MalformedEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEvent';
  }
}

/** `plain` as a validated `type`, or MalformedEvent naming what is wrong. */
export function validated<T extends object>(type: new () => T, plain: unknown, what: string): T {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) throw new MalformedEvent(`${what}: not a JSON object`);
  const instance = plainToInstance(type, plain);
  const errors = validateSync(instance, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const fields = errors.map((error) => `${error.property} (${Object.values(error.constraints ?? {}).join('; ')})`);
    throw new MalformedEvent(`${what}: ${fields.join(', ')}`);
  }
  return instance;
}

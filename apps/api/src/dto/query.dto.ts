import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { SOURCE_KIND_VALUES } from './source.dto';
import { ESCALATION_LEVEL_VALUES } from './challenge.dto';
import { IsInstant } from './common.dto';

export const ACTION_STATUS_VALUES = [
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
export const RECOMMENDATION_STATUS_VALUES = ['made', 'responded', 'in-delivery', 'closed'] as const;
export const CHALLENGE_STATUS_VALUES = [
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

/** Query strings carry text: "true"/"false" become booleans; anything else stays and is refused. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Time travel (DESIGN §5): every list and item query may ask what the ledger showed at an instant
 * (`asOf`, record time) and what was true at an instant as known now (`validAt`, business time).
 */
export class AsOfQueryDto {
  @ApiPropertyOptional({
    description: 'Record time: what the ledger showed at this instant (ISO-8601 with zone). Exact to the millisecond.',
    example: '2026-03-01T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({
    description:
      'Business time: what was true at this instant, as the ledger knows it now (ISO-8601 with zone). With asOf: as known at asOf.',
    example: '2026-02-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  validAt?: string;
}

/** The query of one item's GET: only time travel. */
export class ItemQueryDto extends AsOfQueryDto {}

export class ActionListQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: ACTION_STATUS_VALUES })
  @IsOptional()
  @IsIn(ACTION_STATUS_VALUES)
  status?: (typeof ACTION_STATUS_VALUES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Lead agency' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  recommendationId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
}

export class ActionPlanQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: ACTION_STATUS_VALUES })
  @IsOptional()
  @IsIn(ACTION_STATUS_VALUES)
  status?: (typeof ACTION_STATUS_VALUES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Lead agency' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
}

export class SourceListQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: SOURCE_KIND_VALUES })
  @IsOptional()
  @IsIn(SOURCE_KIND_VALUES)
  kind?: (typeof SOURCE_KIND_VALUES)[number];

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class RecommendationListQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Addressee agency' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATION_STATUS_VALUES })
  @IsOptional()
  @IsIn(RECOMMENDATION_STATUS_VALUES)
  status?: (typeof RECOMMENDATION_STATUS_VALUES)[number];
}

export class ChallengeListQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ enum: CHALLENGE_STATUS_VALUES })
  @IsOptional()
  @IsIn(CHALLENGE_STATUS_VALUES)
  status?: (typeof CHALLENGE_STATUS_VALUES)[number];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  toAgencyId?: string;

  @ApiPropertyOptional({ enum: ESCALATION_LEVEL_VALUES })
  @IsOptional()
  @IsIn(ESCALATION_LEVEL_VALUES)
  escalationLevel?: (typeof ESCALATION_LEVEL_VALUES)[number];

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  escalated?: boolean;

  @ApiPropertyOptional({ type: Boolean, description: 'Response overdue' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;
}

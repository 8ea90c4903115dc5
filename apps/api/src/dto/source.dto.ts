import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateIf,
} from 'class-validator';
import { BusinessTimeDto, CommandBodyDto } from './common.dto';

export const SOURCE_KIND_VALUES = [
  'rapid-review',
  'lcspr',
  'national-review',
  'learning-review',
  'multi-agency-audit',
  'section-11',
  'inspection',
  'feedback',
  'peer-review',
  'scrutiny',
] as const;
export const ENABLER_VALUES = [
  'partnership-working',
  'knowledge-management',
  'frontline-and-family-engagement',
  'subgroups-and-mechanisms',
  'leadership-and-challenge',
  'resourcing',
] as const;
export const SCOPE_VALUES = ['local', 'regional', 'national'] as const;
export const DECISION_VALUES = ['accepted', 'partially-accepted', 'not-accepted'] as const;

export class RecordSourceDto extends CommandBodyDto {
  @ApiProperty({ enum: SOURCE_KIND_VALUES })
  @IsIn(SOURCE_KIND_VALUES)
  kind!: (typeof SOURCE_KIND_VALUES)[number];

  @ApiProperty({ example: 'Rapid review RR-2025-04', maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional({ description: 'Internal reference or published pseudonym; never a child’s identifiers.', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  reference?: string;
}

export class RecordFindingDto extends CommandBodyDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  summary!: string;

  @ApiProperty({ type: [String], example: ['information-sharing', 'professional-curiosity'] })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  themes!: string[];

  @ApiProperty({ enum: ENABLER_VALUES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(ENABLER_VALUES, { each: true })
  enablers!: (typeof ENABLER_VALUES)[number][];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  goodPractice?: boolean;
}

export class MakeRecommendationDto extends CommandBodyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  sourceId!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayUnique()
  @IsUUID('all', { each: true })
  findingIds!: string[];

  @ApiPropertyOptional({ description: 'As printed in the report, e.g. "3" or "3b"; assigned when absent.', maxLength: 20 })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  number?: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  text!: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  addresseeAgencyIds!: string[];

  @ApiProperty({ enum: SCOPE_VALUES })
  @IsIn(SCOPE_VALUES)
  scope!: (typeof SCOPE_VALUES)[number];
}

export class RespondToRecommendationDto extends BusinessTimeDto {
  @ApiProperty({ enum: DECISION_VALUES })
  @IsIn(DECISION_VALUES)
  decision!: (typeof DECISION_VALUES)[number];

  @ApiPropertyOptional({ description: 'Required unless the decision is "accepted".', maxLength: 2000 })
  @ValidateIf((body: RespondToRecommendationDto) => body.decision !== 'accepted' || body.reason !== undefined)
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class RecordMilestoneDto extends CommandBodyDto {
  @ApiProperty({
    description: 'A lifecycle milestone valid for the source’s kind, e.g. "submitted-to-panel" for a rapid review.',
    maxLength: 60,
  })
  @IsString()
  @Length(1, 60)
  milestone!: string;
}

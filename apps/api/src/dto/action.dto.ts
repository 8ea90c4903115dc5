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
  IsUrl,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { RETENTION_CLASSES, type RetentionClass } from '@ledger/learning';
import { BusinessTimeDto, CommandBodyDto, IsCalendarDate } from './common.dto';

export const RAG_VALUES = ['red', 'amber', 'green', 'blue'] as const;
export const EVIDENCE_KIND_VALUES = ['policy', 'training', 'audit-result', 'minutes', 'data', 'other'] as const;

export class ProposeActionDto extends CommandBodyDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  recommendationIds!: string[];

  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  description!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  leadAgencyId!: string;

  @ApiPropertyOptional({ description: 'Opaque person reference (a people-registry id or role title), never a child.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  owner?: string;

  @ApiProperty({ example: '2026-03-31' })
  @IsCalendarDate()
  targetDate!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  successMeasure!: string;
}

export class ProgressUpdateDto extends CommandBodyDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  narrative!: string;

  @ApiProperty({ enum: RAG_VALUES })
  @IsIn(RAG_VALUES)
  rag!: (typeof RAG_VALUES)[number];
}

export class TargetDateRevisionDto extends BusinessTimeDto {
  @ApiProperty({ example: '2026-06-30' })
  @IsCalendarDate()
  newTargetDate!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class AttachEvidenceDto extends CommandBodyDto {
  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty({ enum: EVIDENCE_KIND_VALUES })
  @IsIn(EVIDENCE_KIND_VALUES)
  kind!: (typeof EVIDENCE_KIND_VALUES)[number];

  @ApiPropertyOptional({ example: 'https://intranet.example/policies/neglect-v3.pdf' })
  @IsOptional()
  @IsUrl({ require_protocol: true, require_tld: false })
  uri?: string;

  @ApiPropertyOptional({ description: 'SHA-256 of the document, hex' })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/i, { message: 'sha256 must be 64 hexadecimal characters' })
  sha256?: string;

  @ApiProperty({ description: 'Whether this evidences impact on practice (not just completion).' })
  @IsBoolean()
  describesImpact!: boolean;

  @ApiPropertyOptional({ example: '2026-01-15' })
  @IsOptional()
  @IsCalendarDate()
  effectiveFrom?: string;

  @ApiPropertyOptional({
    enum: RETENTION_CLASSES,
    default: 'standard',
    description:
      'How long the ledger keeps the reference, from effectiveFrom (else the day recorded): working-papers 2 years, standard 6, review-record 30, permanent never disposed (docs/security.md).',
  })
  @IsOptional()
  @IsIn(RETENTION_CLASSES)
  retentionClass?: RetentionClass;
}

export class SupersedeActionDto extends BusinessTimeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  successorActionId!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

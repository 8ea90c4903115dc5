import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { BusinessTimeDto, CommandBodyDto, IsCalendarDate } from './common.dto';

export const ESCALATION_LEVEL_VALUES = ['delegated-partner', 'lead-partner', 'independent-scrutineer', 'external'] as const;

export class RaiseChallengeDto extends CommandBodyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toAgencyId!: string;

  @ApiProperty({ maxLength: 300 })
  @IsString()
  @Length(1, 300)
  subject!: string;

  @ApiProperty({ maxLength: 8000 })
  @IsString()
  @Length(1, 8000)
  detail!: string;

  @ApiProperty({ example: '2026-01-31' })
  @IsCalendarDate()
  responseDueDate!: string;
}

export class RespondToChallengeDto extends CommandBodyDto {
  @ApiProperty({ maxLength: 8000 })
  @IsString()
  @Length(1, 8000)
  response!: string;
}

export class EscalateChallengeDto extends BusinessTimeDto {
  @ApiProperty({ enum: ESCALATION_LEVEL_VALUES })
  @IsIn(ESCALATION_LEVEL_VALUES)
  level!: (typeof ESCALATION_LEVEL_VALUES)[number];

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class ResolveChallengeDto extends CommandBodyDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString()
  @Length(1, 4000)
  outcome!: string;
}

export class LinkActionDto extends CommandBodyDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  actionId!: string;
}

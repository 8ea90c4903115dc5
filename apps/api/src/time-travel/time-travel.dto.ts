import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { IsInstant } from '../dto/common.dto';
import { KNOWN_EVENT_TYPES } from './items';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toInteger = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);

/** A comma-separated list of event types the ledger knows, e.g. `ActionAgreed,ProgressUpdated`. */
function IsEventTypeList(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isEventTypeList',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a comma-separated list of event types, e.g. ActionAgreed,ProgressUpdated`, ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.split(',').every((type) => KNOWN_EVENT_TYPES.has(type.trim())),
      },
    });
}

export class TimelineQueryDto {
  @ApiPropertyOptional({ description: 'Only events recorded at or after this instant (ISO-8601 with zone).' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Only events recorded at or before this instant (ISO-8601 with zone).' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'Only these event types, comma-separated, e.g. ActionAgreed,ProgressUpdated.' })
  @IsOptional()
  @IsEventTypeList()
  types?: string;

  @ApiPropertyOptional({ description: 'Opaque: the nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ type: Boolean, description: 'Also answer, per event, the state of its item right after it.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeState?: boolean;
}

export const CHANGE_TIMES = ['record', 'business'] as const;

export class ChangesQueryDto {
  @ApiPropertyOptional({ description: 'Start, exclusive (ISO-8601 with zone). Absent: from the beginning.' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'End, inclusive (ISO-8601 with zone). Absent: now.' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({
    enum: CHANGE_TIMES,
    default: 'record',
    description: 'record: what the ledger recorded between the instants; business: what occurred between them, as known now.',
  })
  @IsOptional()
  @IsIn(CHANGE_TIMES)
  time?: (typeof CHANGE_TIMES)[number];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, registerDecorator, type ValidationOptions } from 'class-validator';
import { parseInstant } from '../http/instant';

/** An ISO-8601 instant with a zone, and a real one (not 30 February). */
export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an ISO-8601 instant with a zone`, ...options },
      validator: { validate: (value: unknown) => parseInstant(value) !== null },
    });
}

/** A real calendar date written `YYYY-MM-DD`. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a calendar date YYYY-MM-DD`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const date = new Date(`${value}T00:00:00Z`);
          return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
        },
      },
    });
}

/** Every command body may carry business time and the forum that decided it. */
export class BusinessTimeDto {
  @ApiPropertyOptional({ description: 'Business time (ISO-8601 with zone). Back-dating needs `reason`.', example: '2025-03-02T10:00:00Z' })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({ description: 'Forum or decision reference, e.g. "QA subgroup 2025-03-02".', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  forum?: string;
}

/** A command body with an optional reason (required to back-date). */
export class CommandBodyDto extends BusinessTimeDto {
  @ApiPropertyOptional({ description: 'Why: required to back-date, and by some commands.', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

/** A command body whose reason is required (cancel, return, reopen, ...). */
export class ReasonedCommandBodyDto extends BusinessTimeDto {
  @ApiProperty({ description: 'Why (required).', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

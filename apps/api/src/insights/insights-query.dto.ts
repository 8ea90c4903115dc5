import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsInstant } from '../dto/common.dto';

/** The two clocks every insight accepts (DESIGN §5). */
export class TimeSliceQueryDto {
  @ApiPropertyOptional({
    description: 'Record time: only what the ledger held at this instant (ISO-8601 with zone).',
    example: '2026-03-02T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({
    description:
      'Business time: only what had happened by this instant (ISO-8601 with zone). Overdue, ages and "today" are judged at validAt, else asOf, else now.',
    example: '2026-03-02T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  validAt?: string;
}

export const LINEAGE_SELECTORS = ['sourceId', 'recommendationId', 'actionId'] as const;

/** At most one selector; none gives the lineage of every source of the partnership. */
export class LineageQueryDto extends TimeSliceQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Lineage from a source (give at most one of sourceId, recommendationId, actionId).' })
  @IsOptional()
  @IsUUID()
  sourceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lineage through a recommendation.' })
  @IsOptional()
  @IsUUID()
  recommendationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Lineage through an action.' })
  @IsOptional()
  @IsUUID()
  actionId?: string;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../dto/common.dto';

export class InspectionPackQueryDto {
  @ApiPropertyOptional({
    description:
      'Record time the pack is of (ISO-8601 with zone, not in the future): only what the ledger held at this instant. ' +
      'Absent: now, and the pack names the instant it used (manifest.json and the file name).',
    example: '2026-03-02T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;
}

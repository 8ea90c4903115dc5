import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { BusinessTimeDto, IsInstant } from '../dto/common.dto';

export class GrantInspectorAccessDto extends BusinessTimeDto {
  @ApiProperty({
    description: 'The inspector’s user id: the `sub` of their token.',
    example: 'inspector-0001@example.gov.uk',
    maxLength: 200,
  })
  @IsString()
  @Length(1, 200)
  inspectorId!: string;

  @ApiProperty({ description: 'Start of the window (ISO-8601 with zone).', example: '2026-03-02T08:00:00Z' })
  @IsInstant()
  from!: string;

  @ApiProperty({
    description: 'End of the window, exclusive (ISO-8601 with zone); at most 92 days after from.',
    example: '2026-03-20T18:00:00Z',
  })
  @IsInstant()
  until!: string;

  @ApiProperty({ description: 'Why the inspector needs access, e.g. the inspection and its dates.', maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { CommandBodyDto } from './common.dto';

export const AGENCY_KIND_VALUES = ['local-authority', 'police', 'health', 'education', 'probation', 'voluntary', 'other'] as const;

export class RegisterPartnershipDto extends CommandBodyDto {
  @ApiProperty({ example: 'Northshire Safeguarding Children Partnership', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ type: [String], example: ['Northshire County Council'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  localAuthorities!: string[];
}

export class AddAgencyDto extends CommandBodyDto {
  @ApiProperty({ example: 'Northshire Constabulary', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: AGENCY_KIND_VALUES })
  @IsIn(AGENCY_KIND_VALUES)
  kind!: (typeof AGENCY_KIND_VALUES)[number];
}

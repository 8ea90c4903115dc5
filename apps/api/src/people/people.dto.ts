import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { REDACTABLE_ITEM_KINDS, type RedactableItemKind } from '@ledger/people';
import { CommandBodyDto, ReasonedCommandBodyDto } from '../dto/common.dto';

/** A member of staff (never a child): details are encrypted with the person's own key. */
export class RegisterPersonDto extends CommandBodyDto {
  @ApiProperty({ maxLength: 200, example: 'Pat Example' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ maxLength: 320, example: 'pat.example@example.org' })
  @IsOptional()
  @IsString()
  @IsEmail()
  @Length(3, 320)
  email?: string;

  @ApiPropertyOptional({ maxLength: 40, example: '020 7946 0000' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+() -]{3,40}$/, { message: 'phone must be digits, spaces, +, ( ) or -' })
  phone?: string;

  @ApiPropertyOptional({ maxLength: 200, example: 'Designated nurse' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  role?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The agency the person works for.' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class ForgetPersonDto extends ReasonedCommandBodyDto {}

export class RedactFieldDto extends ReasonedCommandBodyDto {
  @ApiPropertyOptional({
    maxLength: 200,
    example: 'action-3f0b1c9e-6a55-4c0e-9d8a-2f1f4b7c8d9e',
    description: 'The stream holding the event.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  streamId?: string;

  @ApiPropertyOptional({ enum: REDACTABLE_ITEM_KINDS, description: 'With itemId: the item holding the event (instead of streamId).' })
  @IsOptional()
  @IsIn(REDACTABLE_ITEM_KINDS)
  itemKind?: RedactableItemKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  itemId?: string;

  @ApiProperty({ format: 'uuid', description: 'The event whose field is redacted (eventId in the item’s history).' })
  @IsUUID()
  eventId!: string;

  @ApiProperty({ maxLength: 100, example: 'description' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9]{0,99}$/, { message: 'field must be the name of a field of the event’s data' })
  field!: string;
}

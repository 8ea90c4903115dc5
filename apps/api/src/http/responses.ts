import { ApiProperty } from '@nestjs/swagger';
import type { CommandOutcome } from '@ledger/event-sourcing';

/** DESIGN §5: commands answer `{ id, version, position }`. */
export class CommandResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'Version of the item after the command; send it back as If-Match: "<version>".' })
  version!: number;

  @ApiProperty({ description: 'Opaque position of the command’s last event in the ledger.' })
  position!: string;
}

export function commandResponse(outcome: CommandOutcome): CommandResponse {
  return { id: outcome.id, version: Number(outcome.version), position: outcome.position };
}

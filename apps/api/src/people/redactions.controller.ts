import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ledger/event-sourcing';
import { listingOf, RedactionCommands, RedactionRegister } from '@ledger/people';
import { Permit } from '../auth/access.decorators';
import { CommandErrors, QueryErrors } from '../http/api-errors.decorator';
import { Ctx } from '../http/command-context';
import { CommandResponse, commandResponse } from '../http/responses';
import { UuidParam } from '../http/uuid-param';
import { RedactFieldDto } from './people.dto';

@ApiTags('people')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first response and writes nothing.',
})
@Controller('partnerships/:pid/redactions')
export class RedactionsController {
  constructor(
    private readonly commands: RedactionCommands,
    private readonly register: RedactionRegister,
  ) {}

  @Post()
  @Permit('field.redact')
  @ApiOperation({
    summary: 'Redact one text field of an earlier event: every view shows "[redacted]"; the event row is not changed.',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async redact(@Ctx() context: CommandContext, @Body() body: RedactFieldDto): Promise<CommandResponse> {
    const { streamId, itemKind, itemId, eventId, field, reason } = body;
    return commandResponse(
      await this.commands.redact(context, {
        eventId,
        field,
        reason,
        ...(streamId !== undefined ? { streamId } : {}),
        ...(itemKind !== undefined ? { itemKind } : {}),
        ...(itemId !== undefined ? { itemId } : {}),
      }),
    );
  }

  @Get()
  @Permit('partnership.read')
  @ApiOperation({ summary: 'The partnership’s redactions: which field of which event, when and why (never the text).' })
  @QueryErrors()
  async list(@UuidParam('pid') pid: string) {
    return { items: (await this.register.list(pid)).map(listingOf) };
  }
}

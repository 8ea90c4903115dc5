import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@ledger/event-sourcing';
import { InspectorGrantCommands, InspectorGrantQueries } from '@ledger/partnership';
import { Clock } from '../core/clock';
import { ReasonedCommandBodyDto } from '../dto/common.dto';
import { CommandErrors, QueryErrors } from '../http/api-errors.decorator';
import { Ctx } from '../http/command-context';
import { CommandResponse, commandResponse } from '../http/responses';
import { UuidParam } from '../http/uuid-param';
import { Permit } from './access.decorators';
import { GrantInspectorAccessDto } from './inspector-grant.dto';

@ApiTags('inspector grants')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first response and writes nothing.',
})
@Controller('partnerships/:pid/inspector-grants')
export class InspectorGrantsController {
  constructor(
    private readonly commands: InspectorGrantCommands,
    private readonly queries: InspectorGrantQueries,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Permit('inspector-grant.manage')
  @ApiOperation({ summary: 'Let an inspector (their token sub) read the partnership from `from` until `until`.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async grant(@Ctx() context: CommandContext, @Body() body: GrantInspectorAccessDto): Promise<CommandResponse> {
    const { inspectorId, reason } = body;
    return commandResponse(
      await this.commands.grant(context, { inspectorId, reason, from: new Date(body.from), until: new Date(body.until) }),
    );
  }

  @Post(':gid/revoke')
  @HttpCode(200)
  @Permit('inspector-grant.manage')
  @ApiOperation({ summary: 'End an inspector’s grant now, with a reason.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async revoke(
    @Ctx() context: CommandContext,
    @UuidParam('gid') gid: string,
    @Body() body: ReasonedCommandBodyDto,
  ): Promise<CommandResponse> {
    return commandResponse(await this.commands.revoke(context, gid, body.reason));
  }

  @Get()
  @Permit('inspector-grant.read')
  @ApiOperation({ summary: 'The partnership’s inspector grants, newest window first, each with its status now.' })
  @QueryErrors()
  async list(@UuidParam('pid') pid: string) {
    return { items: await this.queries.list(pid, this.clock.now()) };
  }
}

import { Body, Controller, Get, HttpCode, Post, Query, Req } from '@nestjs/common';
import { UuidParam } from '../http/uuid-param';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFound, type CommandContext } from '@ledger/event-sourcing';
import { PartnershipCommands, PartnershipQueries } from '@ledger/partnership';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { Ctx } from '../http/command-context';
import { CommandErrors, QueryErrors } from '../http/api-errors.decorator';
import { CommandResponse, commandResponse } from '../http/responses';
import { AddAgencyDto, RegisterPartnershipDto } from '../dto/partnership.dto';
import { ItemQueryDto } from '../dto/query.dto';
import { describeInstants, instantsOf } from '../time-travel/instants';
import { TimeTravelReader } from '../time-travel/time-travel.reader';

@ApiTags('partnerships')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first response and writes nothing.',
})
@Controller('partnerships')
export class PartnershipsController {
  constructor(
    private readonly commands: PartnershipCommands,
    private readonly queries: PartnershipQueries,
    private readonly timeTravel: TimeTravelReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Register a partnership (the tenant).' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async register(@Ctx() context: CommandContext, @Body() body: RegisterPartnershipDto): Promise<CommandResponse> {
    return commandResponse(await this.commands.register(context, body));
  }

  @Get()
  @ApiOperation({ summary: 'Partnerships you may act in.' })
  async list(@Req() request: AuthenticatedRequest, @Query() query: ItemQueryDto) {
    const principal = request.principal!;
    const visible = principal.roles.includes('platform-admin') ? 'all' : principal.partnerships;
    const at = instantsOf(query);
    if (at) return this.timeTravel.partnerships(visible, at);
    return { items: await this.queries.list(visible) };
  }

  @Get(':pid')
  @ApiOperation({ summary: 'One partnership, with its agencies.' })
  @QueryErrors()
  async get(@UuidParam('pid') pid: string, @Query() query: ItemQueryDto) {
    const at = instantsOf(query);
    if (at) return this.timeTravel.item(pid, at, 'partnership', pid, (snapshot) => snapshot.partnership());
    const partnership = await this.queries.get(pid);
    if (!partnership) throw new NotFound('partnership', pid);
    return partnership;
  }

  @Post(':pid/agencies')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an agency to the partnership.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async addAgency(@Ctx() context: CommandContext, @Body() body: AddAgencyDto): Promise<CommandResponse> {
    return commandResponse(await this.commands.addAgency(context, body));
  }

  @Get(':pid/agencies')
  @ApiOperation({ summary: 'The partnership’s agencies.' })
  @QueryErrors()
  async agencies(@UuidParam('pid') pid: string, @Query() query: ItemQueryDto) {
    const at = instantsOf(query);
    const agencies = at ? (await this.timeTravel.snapshot(pid, at)).agencies() : await this.queries.agencies(pid);
    return { ...(at ? describeInstants(at) : {}), items: [...agencies.entries()].map(([id, agency]) => ({ id, ...agency })) };
  }
}

import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { UuidParam } from '../http/uuid-param';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFound, type CommandContext } from '@ledger/event-sourcing';
import { ChallengeCommands, ChallengeQueries } from '@ledger/challenge';
import { Clock } from '../core/clock';
import { EscalateChallengeDto, LinkActionDto, RaiseChallengeDto, ResolveChallengeDto, RespondToChallengeDto } from '../dto/challenge.dto';
import { CommandBodyDto, ReasonedCommandBodyDto } from '../dto/common.dto';
import { ChallengeListQueryDto, ItemQueryDto } from '../dto/query.dto';
import { instantsOf } from '../time-travel/instants';
import { TimeTravelReader } from '../time-travel/time-travel.reader';
import { CommandErrors, QueryErrors } from '../http/api-errors.decorator';
import { Ctx } from '../http/command-context';
import { HistoryReader } from '../http/history';
import { CommandResponse, commandResponse } from '../http/responses';

@ApiTags('challenges')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first response and writes nothing.',
})
@ApiHeader({ name: 'If-Match', required: false, description: 'Makes the command conditional on the item’s version, e.g. "3".' })
@Controller('partnerships/:pid/challenges')
export class ChallengesController {
  constructor(
    private readonly commands: ChallengeCommands,
    private readonly queries: ChallengeQueries,
    private readonly history: HistoryReader,
    private readonly clock: Clock,
    private readonly timeTravel: TimeTravelReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Raise a formal challenge to a partner agency (the challenge log).' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async raise(@Ctx() context: CommandContext, @Body() body: RaiseChallengeDto) {
    return commandResponse(await this.commands.raise(context, body));
  }

  @Get()
  @ApiOperation({ summary: 'The challenge log, filtered; ageing and overdue responses are derived at read time.' })
  @QueryErrors()
  async list(@UuidParam('pid') pid: string, @Query() query: ChallengeListQueryDto) {
    const { asOf, validAt, ...filters } = query;
    const at = instantsOf({ asOf, validAt });
    if (at) return this.timeTravel.list(pid, at, (snapshot) => snapshot.challenges(filters));
    return { items: await this.queries.list(pid, filters, this.clock.now()) };
  }

  @Get(':cid')
  @ApiOperation({ summary: 'One challenge with its responses, escalations and linked actions.' })
  @QueryErrors()
  async get(
    @UuidParam('pid') pid: string,
    @UuidParam('cid') cid: string,
    @Query() query: ItemQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const at = instantsOf(query);
    if (at) return this.timeTravel.item(pid, at, 'challenge', cid, (snapshot) => snapshot.challenge(cid));
    const challenge = await this.queries.get(pid, cid, this.clock.now());
    if (!challenge) throw new NotFound('challenge', cid);
    response.setHeader('ETag', `"${challenge.version}"`);
    return challenge;
  }

  @Get(':cid/history')
  @ApiOperation({ summary: 'Every event of the challenge.' })
  @QueryErrors()
  async itemHistory(@UuidParam('pid') pid: string, @UuidParam('cid') cid: string) {
    return this.history.history(pid, 'challenge', 'challenge', cid);
  }

  @Post(':cid/linked-actions')
  @ApiOperation({ summary: 'Link an action that answers the challenge.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async linkAction(@Ctx() context: CommandContext, @UuidParam('cid') cid: string, @Body() body: LinkActionDto) {
    return commandResponse(await this.commands.linkAction(context, cid, body));
  }

  @Post(':cid/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge the challenge.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async acknowledge(@Ctx() context: CommandContext, @UuidParam('cid') cid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.acknowledge(context, cid));
  }

  @Post(':cid/respond')
  @HttpCode(200)
  @ApiOperation({ summary: 'Respond to the challenge.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async respond(@Ctx() context: CommandContext, @UuidParam('cid') cid: string, @Body() body: RespondToChallengeDto) {
    return commandResponse(await this.commands.respond(context, cid, body));
  }

  @Post(':cid/accept-response')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept the agency’s response.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async acceptResponse(@Ctx() context: CommandContext, @UuidParam('cid') cid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.acceptResponse(context, cid));
  }

  @Post(':cid/reject-response')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject the response, with a reason; a new response is awaited.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async rejectResponse(@Ctx() context: CommandContext, @UuidParam('cid') cid: string, @Body() body: ReasonedCommandBodyDto) {
    return commandResponse(await this.commands.rejectResponse(context, cid, body));
  }

  @Post(':cid/escalate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Escalate to a higher level, with a reason.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async escalate(@Ctx() context: CommandContext, @UuidParam('cid') cid: string, @Body() body: EscalateChallengeDto) {
    return commandResponse(await this.commands.escalate(context, cid, body));
  }

  @Post(':cid/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve the challenge with its outcome.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async resolve(@Ctx() context: CommandContext, @UuidParam('cid') cid: string, @Body() body: ResolveChallengeDto) {
    return commandResponse(await this.commands.resolve(context, cid, body));
  }

  @Post(':cid/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw the challenge, with a reason.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async withdraw(@Ctx() context: CommandContext, @UuidParam('cid') cid: string, @Body() body: ReasonedCommandBodyDto) {
    return commandResponse(await this.commands.withdraw(context, cid, body));
  }

  @Post(':cid/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a resolved or withdrawn challenge.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async close(@Ctx() context: CommandContext, @UuidParam('cid') cid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.close(context, cid));
  }
}

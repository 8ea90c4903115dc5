import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { UuidParam } from '../http/uuid-param';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFound, type CommandContext } from '@ledger/event-sourcing';
import { ActionCommands, ActionQueries } from '@ledger/learning';
import { Clock } from '../core/clock';
import { AttachEvidenceDto, ProgressUpdateDto, ProposeActionDto, SupersedeActionDto, TargetDateRevisionDto } from '../dto/action.dto';
import { CommandBodyDto, ReasonedCommandBodyDto } from '../dto/common.dto';
import { ActionListQueryDto, ItemQueryDto } from '../dto/query.dto';
import { instantsOf } from '../time-travel/instants';
import { TimeTravelReader } from '../time-travel/time-travel.reader';
import { CommandErrors, QueryErrors } from '../http/api-errors.decorator';
import { Ctx } from '../http/command-context';
import { HistoryReader } from '../http/history';
import { CommandResponse, commandResponse } from '../http/responses';

@ApiTags('actions')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first response and writes nothing.',
})
@ApiHeader({ name: 'If-Match', required: false, description: 'Makes the command conditional on the item’s version, e.g. "3".' })
@Controller('partnerships/:pid/actions')
export class ActionsController {
  constructor(
    private readonly commands: ActionCommands,
    private readonly queries: ActionQueries,
    private readonly history: HistoryReader,
    private readonly clock: Clock,
    private readonly timeTravel: TimeTravelReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Propose an action (a new action-plan row) against one or more recommendations.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async propose(@Ctx() context: CommandContext, @Body() body: ProposeActionDto) {
    return commandResponse(await this.commands.propose(context, body));
  }

  @Get()
  @ApiOperation({ summary: 'Actions, filtered; timeliness is derived at read time (at asOf/validAt when given).' })
  @QueryErrors()
  async list(@UuidParam('pid') pid: string, @Query() query: ActionListQueryDto) {
    const { asOf, validAt, ...filters } = query;
    const at = instantsOf({ asOf, validAt });
    if (at) return this.timeTravel.list(pid, at, (snapshot) => snapshot.actions(filters));
    return { items: await this.queries.list(pid, filters, this.clock.now()) };
  }

  @Get(':aid')
  @ApiOperation({ summary: 'One action, with its version (also as ETag; not for asOf/validAt).' })
  @QueryErrors()
  async get(
    @UuidParam('pid') pid: string,
    @UuidParam('aid') aid: string,
    @Query() query: ItemQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const at = instantsOf(query);
    if (at) return this.timeTravel.item(pid, at, 'action', aid, (snapshot) => snapshot.action(aid));
    const action = await this.queries.get(pid, aid, this.clock.now());
    if (!action) throw new NotFound('action', aid);
    response.setHeader('ETag', `"${action.version}"`);
    return action;
  }

  @Get(':aid/history')
  @ApiOperation({ summary: 'Every event of the action: who, when (business and record time), why, on whose authority.' })
  @QueryErrors()
  async itemHistory(@UuidParam('pid') pid: string, @UuidParam('aid') aid: string) {
    return this.history.history(pid, 'action', 'action', aid);
  }

  @Post(':aid/progress-updates')
  @ApiOperation({ summary: 'Record a progress update with the owner’s RAG.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async progress(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() body: ProgressUpdateDto) {
    return commandResponse(await this.commands.recordProgress(context, aid, body));
  }

  @Post(':aid/target-date-revisions')
  @ApiOperation({ summary: 'Revise the target date; the original is kept, the action counts as slipped.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async revise(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() body: TargetDateRevisionDto) {
    return commandResponse(await this.commands.reviseTargetDate(context, aid, body));
  }

  @Post(':aid/evidence')
  @ApiOperation({ summary: 'Attach evidence by reference (title, kind, URI, SHA-256); mark whether it evidences impact.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async evidence(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() body: AttachEvidenceDto) {
    return commandResponse(await this.commands.attachEvidence(context, aid, body));
  }

  @Post(':aid/supersede')
  @HttpCode(200)
  @ApiOperation({ summary: 'Supersede the action by a named successor action.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async supersede(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() body: SupersedeActionDto) {
    return commandResponse(await this.commands.supersede(context, aid, body));
  }

  @Post(':aid/agree')
  @HttpCode(200)
  @ApiOperation({ summary: 'Agree the action (record the forum that agreed it).' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async agree(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.agree(context, aid));
  }

  @Post(':aid/start')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start work on the action.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async start(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.start(context, aid));
  }

  @Post(':aid/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause the action.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async pause(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.pause(context, aid));
  }

  @Post(':aid/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused action.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async resume(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.resume(context, aid));
  }

  @Post(':aid/claim-completion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Claim completion (needs at least one piece of evidence).' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async claimCompletion(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.claimCompletion(context, aid));
  }

  @Post(':aid/verify-completion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify a completion claim (needs the forum that verified it).' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async verifyCompletion(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.verifyCompletion(context, aid));
  }

  @Post(':aid/return-completion')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return a completion claim to the owner, with a reason.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async returnCompletion(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: ReasonedCommandBodyDto) {
    return commandResponse(await this.commands.returnCompletion(context, aid));
  }

  @Post(':aid/assure-impact')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assure impact on practice (needs impact evidence).' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async assureImpact(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.assureImpact(context, aid));
  }

  @Post(':aid/record-impact-not-demonstrated')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record that impact was not demonstrated, with a reason; the action goes back in progress.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async recordImpactNotDemonstrated(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: ReasonedCommandBodyDto) {
    return commandResponse(await this.commands.recordImpactNotDemonstrated(context, aid));
  }

  @Post(':aid/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an impact-assured action.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async close(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.close(context, aid));
  }

  @Post(':aid/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the action, with a reason.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async cancel(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: ReasonedCommandBodyDto) {
    return commandResponse(await this.commands.cancel(context, aid));
  }

  @Post(':aid/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed action, with a reason.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async reopen(@Ctx() context: CommandContext, @UuidParam('aid') aid: string, @Body() _body: ReasonedCommandBodyDto) {
    return commandResponse(await this.commands.reopen(context, aid));
  }
}

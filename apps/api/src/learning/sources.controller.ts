import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { UuidParam } from '../http/uuid-param';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFound, type CommandContext } from '@ledger/event-sourcing';
import { SourceCommands, SourceQueries } from '@ledger/learning';
import { RecordFindingDto, RecordMilestoneDto, RecordSourceDto } from '../dto/source.dto';
import { CommandBodyDto } from '../dto/common.dto';
import { ItemQueryDto, SourceListQueryDto } from '../dto/query.dto';
import { instantsOf } from '../time-travel/instants';
import { TimeTravelReader } from '../time-travel/time-travel.reader';
import { CommandErrors, QueryErrors } from '../http/api-errors.decorator';
import { Ctx } from '../http/command-context';
import { HistoryReader } from '../http/history';
import { CommandResponse, commandResponse } from '../http/responses';

@ApiTags('sources')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first response and writes nothing.',
})
@Controller('partnerships/:pid/sources')
export class SourcesController {
  constructor(
    private readonly commands: SourceCommands,
    private readonly queries: SourceQueries,
    private readonly history: HistoryReader,
    private readonly timeTravel: TimeTravelReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Record a learning source: a review, audit, inspection, survey, peer review or scrutiny report.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async record(@Ctx() context: CommandContext, @Body() body: RecordSourceDto) {
    return commandResponse(await this.commands.record(context, body));
  }

  @Get()
  @ApiOperation({ summary: 'Learning sources, filtered by kind or status.' })
  @QueryErrors()
  async list(@UuidParam('pid') pid: string, @Query() query: SourceListQueryDto) {
    const { asOf, validAt, ...filters } = query;
    const at = instantsOf({ asOf, validAt });
    if (at) return this.timeTravel.list(pid, at, (snapshot) => snapshot.sources(filters));
    return { items: await this.queries.list(pid, filters) };
  }

  @Get(':sid')
  @ApiOperation({ summary: 'One source with its findings.' })
  @QueryErrors()
  async get(
    @UuidParam('pid') pid: string,
    @UuidParam('sid') sid: string,
    @Query() query: ItemQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const at = instantsOf(query);
    if (at) return this.timeTravel.item(pid, at, 'source', sid, (snapshot) => snapshot.source(sid));
    const source = await this.queries.get(pid, sid);
    if (!source) throw new NotFound('source', sid);
    response.setHeader('ETag', `"${source.version}"`);
    return source;
  }

  @Get(':sid/history')
  @ApiOperation({ summary: 'Every event of the source.' })
  @QueryErrors()
  async itemHistory(@UuidParam('pid') pid: string, @UuidParam('sid') sid: string) {
    return this.history.history(pid, 'source', 'source', sid);
  }

  @Post(':sid/findings')
  @ApiOperation({
    summary: 'Record a finding with themes, enablers and a good-practice flag. Answers the new finding’s id, and the source’s version.',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async finding(@Ctx() context: CommandContext, @UuidParam('sid') sid: string, @Body() body: RecordFindingDto) {
    const outcome = await this.commands.recordFinding(context, sid, { ...body, goodPractice: body.goodPractice ?? false });
    // `id` names the new finding (what recommendations cite); `version` is the source's.
    return { ...commandResponse(outcome), sourceId: outcome.sourceId };
  }

  @Post(':sid/milestones')
  @ApiOperation({ summary: 'Record a lifecycle milestone of the source (e.g. a rapid review submitted to the Panel).' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async milestone(@Ctx() context: CommandContext, @UuidParam('sid') sid: string, @Body() body: RecordMilestoneDto) {
    return commandResponse(await this.commands.recordMilestone(context, sid, body));
  }

  @Post(':sid/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the source: no further findings or milestones.' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async close(@Ctx() context: CommandContext, @UuidParam('sid') sid: string, @Body() _body: CommandBodyDto) {
    return commandResponse(await this.commands.close(context, sid));
  }
}

import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { UuidParam } from '../http/uuid-param';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFound, type CommandContext } from '@ledger/event-sourcing';
import { RecommendationCommands, RecommendationQueries } from '@ledger/learning';
import { MakeRecommendationDto, RespondToRecommendationDto } from '../dto/source.dto';
import { ItemQueryDto, RecommendationListQueryDto } from '../dto/query.dto';
import { instantsOf } from '../time-travel/instants';
import { TimeTravelReader } from '../time-travel/time-travel.reader';
import { CommandErrors, QueryErrors } from '../http/api-errors.decorator';
import { Ctx } from '../http/command-context';
import { HistoryReader } from '../http/history';
import { CommandResponse, commandResponse } from '../http/responses';

@ApiTags('recommendations')
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key returns the first response and writes nothing.',
})
@Controller('partnerships/:pid/recommendations')
export class RecommendationsController {
  constructor(
    private readonly commands: RecommendationCommands,
    private readonly queries: RecommendationQueries,
    private readonly history: HistoryReader,
    private readonly timeTravel: TimeTravelReader,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Make a recommendation from a source and its findings, addressed to agencies.' })
  @ApiCreatedResponse({ type: CommandResponse })
  @CommandErrors()
  async make(@Ctx() context: CommandContext, @Body() body: MakeRecommendationDto) {
    return commandResponse(await this.commands.make(context, body));
  }

  @Get()
  @ApiOperation({ summary: 'Recommendations; status is derived from their actions.' })
  @QueryErrors()
  async list(@UuidParam('pid') pid: string, @Query() query: RecommendationListQueryDto) {
    const { asOf, validAt, ...filters } = query;
    const at = instantsOf({ asOf, validAt });
    if (at) return this.timeTravel.list(pid, at, (snapshot) => snapshot.recommendations(filters));
    return { items: await this.queries.list(pid, filters) };
  }

  @Get(':rid')
  @ApiOperation({ summary: 'One recommendation with its response and linked actions.' })
  @QueryErrors()
  async get(
    @UuidParam('pid') pid: string,
    @UuidParam('rid') rid: string,
    @Query() query: ItemQueryDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const at = instantsOf(query);
    if (at) return this.timeTravel.item(pid, at, 'recommendation', rid, (snapshot) => snapshot.recommendation(rid));
    const recommendation = await this.queries.get(pid, rid);
    if (!recommendation) throw new NotFound('recommendation', rid);
    response.setHeader('ETag', `"${recommendation.version}"`);
    return recommendation;
  }

  @Get(':rid/history')
  @ApiOperation({ summary: 'Every event of the recommendation.' })
  @QueryErrors()
  async itemHistory(@UuidParam('pid') pid: string, @UuidParam('rid') rid: string) {
    return this.history.history(pid, 'recommendation', 'recommendation', rid);
  }

  @Post(':rid/responses')
  @HttpCode(200)
  @ApiOperation({ summary: 'Respond: accepted, partially-accepted or not-accepted (the last two need a reason).' })
  @ApiOkResponse({ type: CommandResponse })
  @CommandErrors()
  async respond(@Ctx() context: CommandContext, @UuidParam('rid') rid: string, @Body() body: RespondToRecommendationDto) {
    return commandResponse(await this.commands.respond(context, rid, body));
  }
}

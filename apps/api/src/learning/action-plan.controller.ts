import { Controller, Get, Inject, Query } from '@nestjs/common';
import { UuidParam } from '../http/uuid-param';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActionPlanQueries, AGENCY_DIRECTORY, type AgencyDirectory } from '@ledger/learning';
import { Clock } from '../core/clock';
import { ActionPlanQueryDto } from '../dto/query.dto';
import { QueryErrors } from '../http/api-errors.decorator';
import { describeInstants, instantsOf } from '../time-travel/instants';
import { TimeTravelReader } from '../time-travel/time-travel.reader';

@ApiTags('action plan')
@Controller('partnerships/:pid/action-plan')
export class ActionPlanController {
  constructor(
    private readonly plan: ActionPlanQueries,
    @Inject(AGENCY_DIRECTORY) private readonly agencies: AgencyDirectory,
    private readonly clock: Clock,
    private readonly timeTravel: TimeTravelReader,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The action plan: one row per action and recommendation, with source, lead agency, owner, target dates and revisions, owner RAG, derived timeliness, status, latest update, evidence count and impact status.',
  })
  @QueryErrors()
  async rows(@UuidParam('pid') pid: string, @Query() query: ActionPlanQueryDto) {
    const now = this.clock.now();
    const { asOf, validAt, ...filters } = query;
    const at = instantsOf({ asOf, validAt });
    if (at) {
      const snapshot = await this.timeTravel.snapshot(pid, at);
      return { generatedAt: now.toISOString(), ...describeInstants(at), rows: snapshot.actionPlan(filters) };
    }
    return { generatedAt: now.toISOString(), rows: await this.plan.rows(pid, filters, now, await this.agencies.agencies(pid)) };
  }
}

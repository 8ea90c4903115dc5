import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryErrors } from '../http/api-errors.decorator';
import { UuidParam } from '../http/uuid-param';
import { TimeSliceQueryDto } from './insights-query.dto';
import { InsightsService } from './insights.service';

/** Analytics computed from the events on every request, so a changed definition applies back to day one. */
@ApiTags('lineage and analytics')
@Controller('partnerships/:pid/analytics')
export class AnalyticsController {
  constructor(private readonly insights: InsightsService) {}

  @Get('agency-accountability')
  @ApiOperation({
    summary:
      'Per lead agency: actions led, open, overdue, slipped, late and average days late; challenges received, open, response overdue, and their age.',
  })
  @QueryErrors()
  async agencyAccountability(@UuidParam('pid') pid: string, @Query() query: TimeSliceQueryDto) {
    return this.insights.agencyAccountability(pid, query);
  }

  @Get('cycle-times')
  @ApiOperation({
    summary:
      'Median and p90 calendar days for finding → recommendation → agreed → completed (verified) → impact assured, overall, by source kind and by agency.',
  })
  @QueryErrors()
  async cycleTimes(@UuidParam('pid') pid: string, @Query() query: TimeSliceQueryDto) {
    return this.insights.cycleTimes(pid, query);
  }

  @Get('themes')
  @ApiOperation({ summary: 'Theme recurrence: themes × source kinds × years, with the sources each theme was found by.' })
  @QueryErrors()
  async themes(@UuidParam('pid') pid: string, @Query() query: TimeSliceQueryDto) {
    return this.insights.themes(pid, query);
  }

  @Get('enablers')
  @ApiOperation({
    summary:
      'The enabler lens: findings per enabler, share of actions with frontline or family input, share agreed through a subgroup, challenges per quarter.',
  })
  @QueryErrors()
  async enablers(@UuidParam('pid') pid: string, @Query() query: TimeSliceQueryDto) {
    return this.insights.enablers(pid, query);
  }

  @Get('timeliness')
  @ApiOperation({
    summary:
      'Statutory timeliness: rapid reviews within 15 working days of notification (England’s bank holidays), and challenge responses by their due date.',
  })
  @QueryErrors()
  async timeliness(@UuidParam('pid') pid: string, @Query() query: TimeSliceQueryDto) {
    return this.insights.timeliness(pid, query);
  }
}

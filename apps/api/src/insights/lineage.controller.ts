import { BadRequestException, Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { LineageSelector } from '@ledger/insights';
import { QueryErrors } from '../http/api-errors.decorator';
import { problem } from '../http/problem-details';
import { UuidParam } from '../http/uuid-param';
import { LINEAGE_SELECTORS, LineageQueryDto } from './insights-query.dto';
import { InsightsService } from './insights.service';

@ApiTags('lineage and analytics')
@Controller('partnerships/:pid/lineage')
export class LineageController {
  constructor(private readonly insights: InsightsService) {}

  @Get()
  @ApiOperation({
    summary:
      'The lineage source → findings → recommendations → actions → evidence → impact around one source, recommendation or action (every source’s when none is named), each node with its status and a plain-English why, as of any instant.',
  })
  @ApiBadRequestResponse({ description: 'More than one selector, or a malformed id or instant (errors name the fields).' })
  @QueryErrors()
  async lineage(@UuidParam('pid') pid: string, @Query() query: LineageQueryDto) {
    const given = LINEAGE_SELECTORS.filter((field) => query[field] !== undefined);
    if (given.length > 1) {
      const message = `give at most one of ${LINEAGE_SELECTORS.join(', ')}`;
      throw new BadRequestException(
        problem(
          400,
          'validation-failed',
          `The request is invalid: ${given.join(', ')}.`,
          given.map((field) => ({ field, message })),
        ),
      );
    }
    const field = given[0];
    const selector: LineageSelector = field === undefined ? {} : ({ [field]: query[field] } as LineageSelector);
    return this.insights.lineage(pid, query, selector);
  }
}

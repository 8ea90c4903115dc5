import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { QueryErrors } from '../http/api-errors.decorator';
import { UuidParam } from '../http/uuid-param';
import { TimelineQueryDto } from './time-travel.dto';
import { TimeTravelReader } from './time-travel.reader';

@ApiTags('time travel')
@Controller('partnerships/:pid/timeline')
export class TimelineController {
  constructor(private readonly reader: TimeTravelReader) {}

  @Get()
  @ApiOperation({
    summary:
      'The partnership’s events in commit order, cursor-paged (nextCursor), filtered by record time (from, to) and types; with includeState=true each event carries its item’s state right after it, to step through states.',
  })
  @QueryErrors()
  async timeline(@UuidParam('pid') pid: string, @Query() query: TimelineQueryDto) {
    return this.reader.timeline(pid, query);
  }
}

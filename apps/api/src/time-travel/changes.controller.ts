import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '../core/clock';
import { QueryErrors } from '../http/api-errors.decorator';
import { UuidParam } from '../http/uuid-param';
import { ChangesQueryDto } from './time-travel.dto';
import { TimeTravelReader } from './time-travel.reader';

@ApiTags('time travel')
@Controller('partnerships/:pid/changes')
export class ChangesController {
  constructor(
    private readonly reader: TimeTravelReader,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'What changed between two instants (from exclusive, to inclusive; record time unless time=business), per item: its state before and after, the fields that changed, and each event with who, when, forum and why.',
  })
  @QueryErrors()
  async changes(@UuidParam('pid') pid: string, @Query() query: ChangesQueryDto) {
    return this.reader.changes(pid, query, this.clock.now());
  }
}

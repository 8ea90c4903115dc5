import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InvalidInput } from '@ledger/event-sourcing';
import { Permit } from '../auth/access.decorators';
import { Clock } from '../core/clock';
import { QueryErrors } from '../http/api-errors.decorator';
import { UuidParam } from '../http/uuid-param';
import { instantParam } from '../time-travel/instants';
import { InspectionPackBuilder } from './inspection-pack.builder';
import { InspectionPackQueryDto } from './inspection-pack.query.dto';

@ApiTags('exports')
@Controller('partnerships/:pid/inspection-pack')
export class InspectionPackController {
  constructor(
    private readonly builder: InspectionPackBuilder,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Permit('partnership.read')
  @ApiOperation({
    summary:
      'The inspection pack as recorded at an instant: one zip with summary.pdf, action-plan.csv, challenge-log.csv, the lineage of every ' +
      'recommendation (lineage/<number>.json and .txt) and manifest.json (every file’s SHA-256, the instant, the ledger position). ' +
      'The same instant always gives the same bytes. Readable by every role of the partnership, read-only ones included (inspectors during a grant).',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description: 'The zip, as an attachment named inspection-pack-<pid>-<asOf>.zip.',
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiBadRequestResponse({ description: 'asOf is not an ISO-8601 instant with a zone, or is in the future (errors name asOf).' })
  @QueryErrors()
  async download(@UuidParam('pid') pid: string, @Query() query: InspectionPackQueryDto): Promise<StreamableFile> {
    const now = this.clock.now();
    const asOf = instantParam('asOf', query.asOf) ?? now;
    if (asOf.getTime() > now.getTime()) throw new InvalidInput('asOf', 'must not be in the future: a pack is of what the ledger held');
    const pack = await this.builder.build(pid, asOf);
    return new StreamableFile(pack.zip, {
      type: 'application/zip',
      disposition: `attachment; filename="${pack.filename}"`,
      length: pack.zip.length,
    });
  }
}

import { Controller, HttpException, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CommandContext } from '@ledger/event-sourcing';
import { Permit } from '../auth/access.decorators';
import { CommandErrors } from '../http/api-errors.decorator';
import { IMPORT_MEDIA_TYPES } from '../http/body-parsing';
import { Ctx } from '../http/command-context';
import { problem } from '../http/problem-details';
import { UuidParam } from '../http/uuid-param';
import { ActionPlanImporter } from './action-plan-importer';
import { ImportQueryDto } from './import-query.dto';
import type { ImportFormat } from './import-table';

/** The upload and its format, from Content-Type; an empty upload arrives without a body. */
function uploadOf(request: Request): { body: Buffer; format: ImportFormat } {
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
  // Not request.is(): it answers null for a request without a body, and an empty upload is a 400, not a 415.
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (mediaType === IMPORT_MEDIA_TYPES[0]) return { body, format: 'csv' };
  if (mediaType === IMPORT_MEDIA_TYPES[1]) return { body, format: 'xlsx' };
  const detail = `Send the spreadsheet as the raw body, as ${IMPORT_MEDIA_TYPES.join(' or ')}.`;
  throw new HttpException(problem(415, 'unsupported-media-type', detail), 415);
}

@ApiTags('exports and imports')
@Controller('partnerships/:pid/imports')
export class ImportsController {
  constructor(private readonly importer: ActionPlanImporter) {}

  @Post('action-plan')
  @Permit('action-plan.import')
  @ApiOperation({
    summary:
      'Import an action plan from CSV or XLSX (the export’s columns; common header spellings accepted). dryRun=true reports every problem by row and column and what would be created. A real run is all or nothing: 422 with the same report if any row is wrong. Importing the same file again creates nothing.',
  })
  @ApiConsumes(...IMPORT_MEDIA_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ description: 'Dry run (valid or not), or a real run that found everything already there: the report.' })
  @ApiCreatedResponse({ description: 'A real run that created sources, recommendations or actions: the report, with their ids.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not text/csv or XLSX.' })
  @CommandErrors()
  async importActionPlan(
    @UuidParam('pid') _pid: string,
    @Query() query: ImportQueryDto,
    @Ctx() context: CommandContext,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    const dryRun = query.dryRun ?? false;
    const { body, format } = uploadOf(request);
    const report = await this.importer.run(context, body, format, dryRun);
    if (!report.valid && !dryRun) {
      const detail = `The file has ${report.problems.length} problem(s); nothing was imported.`;
      throw new HttpException({ ...problem(422, 'import-invalid', detail), ...report }, 422);
    }
    const created = report.created.sources + report.created.recommendations + report.created.actions;
    response.status(!dryRun && created > 0 ? 201 : 200);
    return report;
  }
}

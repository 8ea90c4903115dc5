import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Permit } from '../auth/access.decorators';
import { ActionPlanQueryDto } from '../dto/query.dto';
import { QueryErrors } from '../http/api-errors.decorator';
import { UuidParam } from '../http/uuid-param';
import { describeInstants } from '../time-travel/instants';
import { actionPlanCsv } from './action-plan-columns';
import { ActionPlanExporter, type ActionPlanExport } from './action-plan-export';
import { actionPlanXlsx, XLSX_MEDIA_TYPE } from './action-plan-xlsx';

function download(response: Response, exported: ActionPlanExport, extension: string, mediaType: string): void {
  const { asOf, validAt } = describeInstants(exported.at);
  response.setHeader('Content-Type', mediaType);
  response.setHeader('Content-Disposition', `attachment; filename="${exported.fileStem}.${extension}"`);
  response.setHeader('Cache-Control', 'no-store');
  if (asOf) response.setHeader('Ledger-As-Of', asOf);
  if (validAt) response.setHeader('Ledger-Valid-At', validAt);
}

@ApiTags('exports and imports')
@Controller('partnerships/:pid/exports')
export class ExportsController {
  constructor(private readonly exporter: ActionPlanExporter) {}

  @Get('action-plan.csv')
  @Permit('partnership.read')
  @ApiOperation({
    summary:
      'The action plan as CSV (RFC 4180, UTF-8, CRLF, header row): the canonical columns, as of asOf/validAt (default: now), with the action-plan filters.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file; Content-Disposition names the partnership and the instant.' })
  @QueryErrors()
  async csv(@UuidParam('pid') pid: string, @Query() query: ActionPlanQueryDto, @Res() response: Response): Promise<void> {
    const { asOf, validAt, ...filters } = query;
    const exported = await this.exporter.read(pid, { asOf, validAt }, filters);
    download(response, exported, 'csv', 'text/csv; charset=utf-8');
    response.send(Buffer.from(actionPlanCsv(exported.rows), 'utf8'));
  }

  @Get('action-plan.xlsx')
  @Permit('partnership.read')
  @ApiOperation({
    summary:
      'The action plan as an XLSX workbook (frozen header row, autofilter, typed date cells): the canonical columns, as of asOf/validAt (default: now), with the action-plan filters.',
  })
  @ApiProduces(XLSX_MEDIA_TYPE)
  @ApiOkResponse({ description: 'The workbook; the same instant gives the same bytes.' })
  @QueryErrors()
  async xlsx(@UuidParam('pid') pid: string, @Query() query: ActionPlanQueryDto, @Res() response: Response): Promise<void> {
    const { asOf, validAt, ...filters } = query;
    const exported = await this.exporter.read(pid, { asOf, validAt }, filters);
    const workbook = await actionPlanXlsx(exported.rows, exported.instant, `Action plan — ${exported.partnershipName}`);
    download(response, exported, 'xlsx', XLSX_MEDIA_TYPE);
    response.send(workbook);
  }
}

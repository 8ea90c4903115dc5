import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { LedgerMetrics } from './ledger-metrics';

/**
 * Prometheus scrape target. Public like `/health/*` (scrapers carry no ledger token): it holds
 * counts, lags and durations by route template, never an id, a name or a partnership. Keep it
 * off the public internet at the proxy (docs/security.md).
 */
@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: LedgerMetrics) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics: Kafka relay lag and published events, projection lag, HTTP request durations, process.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format 0.0.4.', schema: { type: 'string' } })
  async scrape(): Promise<string> {
    await this.metrics.refresh();
    return this.metrics.registry.metrics();
  }
}

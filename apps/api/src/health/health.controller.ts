import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { LEDGER_RUNTIME } from '../core/core.module';
import type { LedgerRuntime } from '../composition/ledger-runtime';
import { problem } from '../http/problem-details';
import { relayReport } from './relay-report';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(@Inject(LEDGER_RUNTIME) private readonly runtime: LedgerRuntime) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up.' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The ledger can take commands: database reachable, migrations applied, projections known.',
    description:
      'With KAFKA_BROKERS set, `relay` reports the Kafka relay: where it runs, its role, its checkpoint and its lag (events and seconds behind the head of the log). Lag never makes the ledger unready: commands do not wait for Kafka.',
  })
  async ready() {
    try {
      const { rows } = await this.runtime.pool.query<{ name: string; checkpoint: string }>(
        'SELECT name, checkpoint FROM projection_checkpoints ORDER BY name',
      );
      const relay = await relayReport(this.runtime);
      return {
        status: 'ok',
        database: this.runtime.embeddedDatabase ? 'embedded' : 'external',
        kafka: this.runtime.config.kafkaBrokers.length ? 'configured' : 'disabled',
        projections: Object.fromEntries(rows.map((row) => [row.name, row.checkpoint])),
        ...(relay ? { relay } : {}),
      };
    } catch {
      throw new ServiceUnavailableException(problem(503, 'not-ready', 'The database is not reachable yet.'));
    }
  }
}

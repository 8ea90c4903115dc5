import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { LEDGER_RUNTIME } from '../core/core.module';
import type { LedgerRuntime } from '../composition/ledger-runtime';
import { problem } from '../http/problem-details';

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
  @ApiOperation({ summary: 'The ledger can take commands: database reachable, migrations applied, projections known.' })
  async ready() {
    try {
      const { rows } = await this.runtime.pool.query<{ name: string; checkpoint: string }>(
        'SELECT name, checkpoint FROM projection_checkpoints ORDER BY name',
      );
      return {
        status: 'ok',
        database: this.runtime.embeddedDatabase ? 'embedded' : 'external',
        kafka: this.runtime.config.kafkaBrokers.length ? 'configured' : 'disabled',
        projections: Object.fromEntries(rows.map((row) => [row.name, row.checkpoint])),
      };
    } catch {
      throw new ServiceUnavailableException(problem(503, 'not-ready', 'The database is not reachable yet.'));
    }
  }
}

import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { LEDGER_RUNTIME } from '../core/core.module';
import type { LedgerRuntime } from '../composition/ledger-runtime';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { LedgerMetrics } from './ledger-metrics';
import { MetricsController } from './metrics.controller';

/** `GET /metrics` and the request timer on every route. */
@Module({
  controllers: [MetricsController],
  providers: [{ provide: LedgerMetrics, inject: [LEDGER_RUNTIME], useFactory: (runtime: LedgerRuntime) => new LedgerMetrics(runtime) }],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }
}

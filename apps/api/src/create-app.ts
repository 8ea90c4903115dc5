import { Logger, RequestMethod, type INestApplication } from '@nestjs/common';
import { LedgerLogger } from './config/ledger-logger';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { LedgerConfig } from './config/ledger-config';
import { startRuntime, type LedgerRuntime } from './composition/ledger-runtime';
import { ledgerValidationPipe } from './http/validation.pipe';
import { bodyParsing } from './http/body-parsing';
import { applyHardening } from './http/hardening';
import { serveWebUi } from './http/web-ui';

/** RFC 9457 problem details as the API sends them (see http/problem-details.ts). */
const PROBLEM_DETAILS_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable, machine-readable reason, e.g. completion-needs-evidence.' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

export interface LedgerApp {
  readonly app: INestApplication;
  readonly runtime: LedgerRuntime;
  close(): Promise<void>;
}

/** Builds the all-in-one server (API, and projections unless told otherwise) without listening. */
export async function createLedgerApp(config: LedgerConfig, options: { runProjections?: boolean } = {}): Promise<LedgerApp> {
  const logger = new LedgerLogger(config.logLevel);
  Logger.overrideLogger(logger);
  const runProjections = options.runProjections ?? config.runProjections;
  // All-in-one: the Kafka relay runs wherever the projections do (when KAFKA_BROKERS is set).
  const runtime = await startRuntime(config, { runProjections, runRelay: runProjections });
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
      logger,
      bodyParser: false,
    });
    applyHardening(app, config.security);
    serveWebUi(app);
    for (const handler of bodyParsing()) app.use(handler);
    app.disable('x-powered-by');
    app.setGlobalPrefix('api/v1', {
      exclude: [
        { path: 'health/live', method: RequestMethod.GET },
        { path: 'health/ready', method: RequestMethod.GET },
        { path: 'metrics', method: RequestMethod.GET },
      ],
    });
    app.useGlobalPipes(ledgerValidationPipe());
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Learning Ledger API')
        .setDescription(
          'Event-sourced learning and improvement tracking for multi-agency child safeguarding partnerships. Errors are application/problem+json (RFC 9457).',
        )
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .addSecurityRequirements('bearer')
        .build(),
    );
    document.components = { ...document.components, schemas: { ...document.components?.schemas, ProblemDetails: PROBLEM_DETAILS_SCHEMA } };
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
    await app.init();
    return {
      app,
      runtime,
      async close() {
        await app.close();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

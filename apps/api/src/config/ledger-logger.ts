import { ConsoleLogger, type LogLevel } from '@nestjs/common';

const LOG_LEVELS: Record<string, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  silent: [],
};

/** Nest's start-up chatter (every route mapped, every module loaded) only at LOG_LEVEL=debug. */
const CHATTY_CONTEXTS = new Set(['RoutesResolver', 'RouterExplorer', 'InstanceLoader', 'NestFactory']);

export class LedgerLogger extends ConsoleLogger {
  constructor(private readonly level: string) {
    super('ledger', { logLevels: LOG_LEVELS[level] ?? LOG_LEVELS['info']! });
  }

  override log(message: unknown, context?: string): void {
    if (this.level !== 'debug' && context !== undefined && CHATTY_CONTEXTS.has(context)) return;
    if (context === undefined) super.log(message);
    else super.log(message, context);
  }
}

import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { CommandExecutor, EVENT_STORE, PROJECTION_PROGRESS } from '@ledger/event-sourcing';
import { AuthGuard } from '../auth/auth.guard';
import { PARTNERSHIP_EXISTENCE } from '../auth/partnership-existence';
import { CompositeTokenVerifier, TokenService } from '@ledger/identity';
import { createTokenVerifier } from '../config/security-config';
import type { LedgerRuntime } from '../composition/ledger-runtime';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { StreamPartnershipExistence } from './stream-partnership-existence';
import { Clock, SystemClock } from './clock';

export const LEDGER_RUNTIME = Symbol('LEDGER_RUNTIME');

/** Binds the runtime's parts to DI tokens for every feature module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(runtime: LedgerRuntime): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: LEDGER_RUNTIME, useValue: runtime },
        { provide: EVENT_STORE, useValue: runtime.store },
        { provide: PROJECTION_PROGRESS, useValue: runtime.progress },
        { provide: DataSource, useValue: runtime.dataSource },
        { provide: CommandExecutor, useValue: new CommandExecutor(runtime.store, runtime.progress) },
        { provide: TokenService, useValue: new TokenService(runtime.config.jwtSecret) },
        { provide: CompositeTokenVerifier, useValue: createTokenVerifier(runtime.config.jwtSecret, runtime.config.security) },
        { provide: PARTNERSHIP_EXISTENCE, useValue: new StreamPartnershipExistence(runtime.pool) },
        { provide: Clock, useClass: SystemClock },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [
        LEDGER_RUNTIME,
        EVENT_STORE,
        PROJECTION_PROGRESS,
        DataSource,
        CommandExecutor,
        TokenService,
        CompositeTokenVerifier,
        PARTNERSHIP_EXISTENCE,
        Clock,
      ],
    };
  }
}

import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CommandExecutor, EVENT_STORE, type EventStore } from '@ledger/event-sourcing';
import { PartnershipQueries } from '@ledger/partnership';
import {
  MasterKey,
  PeopleCommands,
  PeopleDirectory,
  PersonKeyStore,
  PostgresEventLookup,
  RedactionCommands,
  RedactionRegister,
} from '@ledger/people';
import { LEDGER_RUNTIME } from '../core/core.module';
import type { LedgerRuntime } from '../composition/ledger-runtime';
import { HistoryReader } from '../http/history';
import { PartnershipHttpModule } from '../partnerships/partnership-http.module';
import { DisclosureInterceptor } from './disclosure.interceptor';
import { DisclosureService } from './disclosure.service';
import { loadPeopleMasterKey } from './people-config';
import { PeopleController } from './people.controller';
import { RedactionsController } from './redactions.controller';
import { ScreeningInterceptor } from './screening.interceptor';

/**
 * The people registry, redactions and the two edges every request passes: PII screening of
 * command text and disclosure (decrypt, erase, redact) of every read. Exports PeopleDirectory and
 * RedactionRegister and DisclosureService for builders of file exports.
 */
@Module({
  imports: [PartnershipHttpModule],
  controllers: [PeopleController, RedactionsController],
  providers: [
    HistoryReader,
    DisclosureService,
    { provide: MasterKey, useFactory: () => loadPeopleMasterKey() },
    {
      provide: PersonKeyStore,
      useFactory: (r: LedgerRuntime, m: MasterKey) => new PersonKeyStore(r.pool, m),
      inject: [LEDGER_RUNTIME, MasterKey],
    },
    { provide: PostgresEventLookup, useFactory: (r: LedgerRuntime) => new PostgresEventLookup(r.pool), inject: [LEDGER_RUNTIME] },
    {
      provide: PeopleDirectory,
      useFactory: (r: LedgerRuntime, k: PersonKeyStore) => new PeopleDirectory(r.pool, k),
      inject: [LEDGER_RUNTIME, PersonKeyStore],
    },
    {
      provide: RedactionRegister,
      useFactory: (r: LedgerRuntime, l: PostgresEventLookup) => new RedactionRegister(r.pool, l),
      inject: [LEDGER_RUNTIME, PostgresEventLookup],
    },
    {
      provide: PeopleCommands,
      useFactory: (e: CommandExecutor, s: EventStore, k: PersonKeyStore, p: PartnershipQueries) =>
        new PeopleCommands(e, s, k, { agencies: (pid) => p.agencies(pid) }),
      inject: [CommandExecutor, EVENT_STORE, PersonKeyStore, PartnershipQueries],
    },
    {
      provide: RedactionCommands,
      useFactory: (e: CommandExecutor, l: PostgresEventLookup) => new RedactionCommands(e, l),
      inject: [CommandExecutor, PostgresEventLookup],
    },
    { provide: APP_INTERCEPTOR, useClass: ScreeningInterceptor },
    { provide: APP_INTERCEPTOR, useClass: DisclosureInterceptor },
  ],
  exports: [PeopleDirectory, RedactionRegister, DisclosureService],
})
export class PeopleHttpModule {}

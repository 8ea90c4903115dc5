import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandExecutor } from '@ledger/event-sourcing';
import { PartnershipCommands, PartnershipQueries } from '@ledger/partnership';
import { PartnershipsController } from './partnerships.controller';

@Module({
  controllers: [PartnershipsController],
  providers: [
    {
      provide: PartnershipCommands,
      useFactory: (executor: CommandExecutor) => new PartnershipCommands(executor),
      inject: [CommandExecutor],
    },
    { provide: PartnershipQueries, useFactory: (dataSource: DataSource) => new PartnershipQueries(dataSource), inject: [DataSource] },
  ],
  exports: [PartnershipQueries],
})
export class PartnershipHttpModule {}

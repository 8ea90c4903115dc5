import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CommandExecutor } from '@ledger/event-sourcing';
import { InspectorGrantCommands, InspectorGrantQueries } from '@ledger/partnership';
import { InspectorGrantsController } from './inspector-grants.controller';

@Module({
  controllers: [InspectorGrantsController],
  providers: [
    {
      provide: InspectorGrantCommands,
      useFactory: (executor: CommandExecutor) => new InspectorGrantCommands(executor),
      inject: [CommandExecutor],
    },
    { provide: InspectorGrantQueries, useFactory: (dataSource: DataSource) => new InspectorGrantQueries(dataSource), inject: [DataSource] },
  ],
})
export class InspectorGrantsModule {}

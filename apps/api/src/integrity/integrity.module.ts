import { Module } from '@nestjs/common';
import { IntegrityController, integrityVerifierProvider } from './integrity.controller';

/** GET /partnerships/{pid}/integrity: the hash-chain verification of one partnership. */
@Module({ controllers: [IntegrityController], providers: [integrityVerifierProvider] })
export class IntegrityModule {}

import { Controller, Get, type FactoryProvider } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { verifyIntegrity, type IntegrityReport } from '@ledger/event-sourcing';
import type { LedgerRuntime } from '../composition/ledger-runtime';
import { LEDGER_RUNTIME } from '../core/core.module';
import { QueryErrors } from '../http/api-errors.decorator';
import { UuidParam } from '../http/uuid-param';

/** Verifies one partnership's hash chain against the log (ADR 7); a class so Nest can inject it. */
export abstract class IntegrityVerifier {
  abstract verify(partnershipId: string): Promise<IntegrityReport>;
}

/** Binds IntegrityVerifier to the runtime's pool: add to the providers of the controller's module. */
export const integrityVerifierProvider: FactoryProvider<IntegrityVerifier> = {
  provide: IntegrityVerifier,
  useFactory: (runtime: LedgerRuntime): IntegrityVerifier => ({
    verify: (partnershipId) => verifyIntegrity(runtime.pool, { partnershipId }),
  }),
  inject: [LEDGER_RUNTIME],
};

@ApiTags('integrity')
@Controller('partnerships/:pid/integrity')
export class IntegrityController {
  constructor(private readonly verifier: IntegrityVerifier) {}

  @Get()
  @ApiOperation({
    summary:
      'Hash-chain verification of the partnership’s events: every sealed event is recomputed from the log and compared with its link. ' +
      'Findings name each event edited, deleted, inserted or reordered in the database, and any chain row tampered with; ' +
      'events newer than the sealer’s checkpoint are counted as unsealed. Readable by every role.',
  })
  @ApiOkResponse({
    description:
      '`{ ok, scope, partnershipId, sealedThrough, headHash, checked, unsealed, findings[] }`; each finding has kind, eventId, streamId, streamVersion, globalPosition, sealedSeq and detail.',
  })
  @QueryErrors()
  report(@UuidParam('pid') pid: string): Promise<IntegrityReport> {
    return this.verifier.verify(pid);
  }
}

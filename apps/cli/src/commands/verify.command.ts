import { Logger } from '@nestjs/common';
import { PostgresChainSealer, SealerLocked, verifyIntegrity, type IntegrityFinding, type IntegrityReport } from '@ledger/event-sourcing';
import { loadConfig } from '../../../api/src/config/ledger-config';
import { startRuntime } from '../../../api/src/composition/ledger-runtime';

export interface VerifyOptions {
  /** Verify one partnership's chain only. */
  readonly partnership?: string;
  /** Print the report as JSON instead of text. */
  readonly json?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `ledger verify`: seals the log up to its head (unless a running process holds the sealer's
 * lock; it is sealing then), verifies the hash chain and prints each finding. Exit code 1 when
 * anything was tampered with.
 */
export async function runVerify(options: VerifyOptions): Promise<void> {
  if (options.partnership !== undefined && !UUID.test(options.partnership))
    throw new Error(`--partnership must be a UUID, got ${options.partnership}`);
  const runtime = await startRuntime(loadConfig(), { runProjections: false });
  let report: IntegrityReport;
  let note: string | null = null;
  try {
    const sealer = new PostgresChainSealer({ pool: runtime.pool, store: runtime.store, logger: new Logger('sealer') });
    try {
      const { sealed } = await sealer.sealUntilCaughtUp();
      note = `sealed ${sealed} new event${sealed === 1 ? '' : 's'} before verifying`;
    } catch (error) {
      if (!(error instanceof SealerLocked)) throw error;
      note = 'another process holds the sealer’s lock and is sealing: verified what it has sealed';
    } finally {
      await sealer.stop();
    }
    report = await verifyIntegrity(runtime.pool, options.partnership ? { partnershipId: options.partnership } : {});
  } finally {
    await runtime.close();
  }
  console.log(options.json ? JSON.stringify(report, null, 2) : describeReport(report, note));
  if (!report.ok) process.exitCode = 1;
}

export function describeReport(report: IntegrityReport, note: string | null = null): string {
  const scope = report.partnershipId ? `partnership ${report.partnershipId}` : 'the whole ledger';
  const lines = [
    `Integrity of ${scope}: ${report.ok ? 'OK' : `TAMPERED (${report.findings.length} finding${report.findings.length === 1 ? '' : 's'})`}`,
    `  checked   ${report.checked} sealed event${report.checked === 1 ? '' : 's'}`,
    `  unsealed  ${report.unsealed} (newer than the sealer's checkpoint; not judged)`,
    `  sealed through ${report.sealedThrough ?? 'nothing yet'}`,
    `  head hash ${report.headHash ?? '-'}`,
  ];
  if (note) lines.push(`  (${note})`);
  for (const finding of report.findings) lines.push(describeFinding(finding));
  return lines.join('\n');
}

function describeFinding(finding: IntegrityFinding): string {
  const where = finding.streamId ? `${finding.streamId} v${finding.streamVersion}, position ${finding.globalPosition}` : 'no event';
  return `  ${finding.kind.toUpperCase().padEnd(14)} event ${finding.eventId ?? '-'} (${where}${finding.sealedSeq !== null ? `, link ${finding.sealedSeq}` : ''})\n                 ${finding.detail}`;
}

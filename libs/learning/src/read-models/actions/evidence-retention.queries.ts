import type { DataSource } from 'typeorm';
import type { RetentionClass } from '../../domain/action/retention/retention-class';

/** A piece of evidence still held whose disposal day has come. */
export interface DueEvidence {
  readonly partnershipId: string;
  readonly actionId: string;
  readonly evidenceId: string;
  readonly retentionClass: RetentionClass;
  readonly disposalDueOn: string;
}

/** Where a page of due evidence starts: after this (action, evidence) pair. */
export interface DueEvidenceCursor {
  readonly actionId: string;
  readonly evidenceId: string;
}

/**
 * Finds evidence past retention across every partnership, from the evidence entries of
 * rm_actions (read model: candidates only; the action decider re-checks each one against the
 * log). A daily scan of every action's evidence array: a few hundred thousand actions nationally.
 */
export class EvidenceRetentionQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Up to `limit` held items due on or before `today` (`YYYY-MM-DD`), in (action, evidence) order. */
  async due(today: string, limit: number, after: DueEvidenceCursor | null = null): Promise<DueEvidence[]> {
    const rows: {
      partnership_id: string;
      action_id: string;
      evidence_id: string;
      retention_class: RetentionClass;
      disposal_due_on: string;
    }[] = await this.dataSource.query(
      `SELECT a.partnership_id, a.id AS action_id, e->>'evidenceId' AS evidence_id,
              e->>'retentionClass' AS retention_class, e->>'disposalDueOn' AS disposal_due_on
         FROM rm_actions a CROSS JOIN LATERAL jsonb_array_elements(a.doc->'evidence') e
        WHERE e->>'disposedAt' IS NULL
          AND e->>'disposalDueOn' <= $1
          AND (a.id, e->>'evidenceId') > ($2::text, $3::text)
        ORDER BY a.id, e->>'evidenceId'
        LIMIT $4`,
      [today, after?.actionId ?? '', after?.evidenceId ?? '', limit],
    );
    return rows.map((row) => ({
      partnershipId: row.partnership_id,
      actionId: row.action_id,
      evidenceId: row.evidence_id,
      retentionClass: row.retention_class,
      disposalDueOn: row.disposal_due_on,
    }));
  }
}

import { useEffect, useRef } from 'react';
import { apiGet } from '../api/ledger-client';
import type { ActionPlanRow, HistoryEntry, Instants, Lineage } from '../api/types';
import { useApi } from '../api/use-api';
import { ProblemMessage } from '../problem-message';
import { HistoryTable } from './history-table';

interface Props {
  readonly token: string;
  readonly partnershipId: string;
  readonly row: ActionPlanRow;
  readonly instants: Instants;
  readonly onClose: () => void;
}

/** One action: every event in its history (both times) and its lineage in plain language. */
export function ActionDetail({ token, partnershipId, row, instants, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const base = `/partnerships/${partnershipId}`;
  const aid = row.action.id;
  const history = useApi(`history:${aid}`, (signal) =>
    apiGet<{ items: HistoryEntry[] }>(token, `${base}/actions/${aid}/history`, {}, signal),
  );
  const lineageQuery = { actionId: aid, asOf: instants.asOf, validAt: instants.validAt };
  const lineage = useApi(`lineage:${JSON.stringify(lineageQuery)}`, (signal) =>
    apiGet<Lineage>(token, `${base}/lineage`, lineageQuery, signal),
  );
  // Move focus to the detail so keyboard and screen-reader users land on what they opened.
  useEffect(() => heading.current?.focus(), [aid]);

  return (
    <section className="detail" aria-labelledby="detail-heading">
      <h2 id="detail-heading" tabIndex={-1} ref={heading}>
        {row.action.description}
      </h2>
      <button type="button" className="secondary" onClick={onClose}>
        Close details
      </button>
      <h3>History</h3>
      {history.state === 'loading' && <p aria-live="polite">Loading history…</p>}
      {history.state === 'failed' && <ProblemMessage problem={history.problem} />}
      {history.state === 'ready' && <HistoryTable entries={history.value.items} />}
      <h3>Why: lineage</h3>
      {lineage.state === 'loading' && <p aria-live="polite">Loading lineage…</p>}
      {lineage.state === 'failed' && <ProblemMessage problem={lineage.problem} />}
      {lineage.state === 'ready' && (
        <ul className="lineage" aria-label="Lineage">
          {lineage.value.nodes.map((node) => (
            <li key={`${node.kind}:${node.id}`}>
              <span className="kind">{node.kind}</span> <strong>{node.label}</strong> <span className="status">({node.status})</span>
              <p>{node.why}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

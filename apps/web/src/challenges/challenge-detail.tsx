import { useEffect, useRef } from 'react';
import type { Challenge } from '../api/challenge-types';
import { apiGet } from '../api/ledger-client';
import type { HistoryEntry, Instants } from '../api/types';
import { useApi } from '../api/use-api';
import { HistoryTable } from '../plan/history-table';
import { formatInstant } from '../plan/instant';
import { ProblemMessage } from '../problem-message';

interface Props {
  readonly token: string;
  readonly partnershipId: string;
  readonly challenge: Challenge;
  readonly instants: Instants;
  readonly agencyName: string;
  readonly onClose: () => void;
}

/** One challenge at the instant shown: its detail, escalations and responses, and every event in its history. */
export function ChallengeDetail({ token, partnershipId, challenge, instants, agencyName, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const path = `/partnerships/${partnershipId}/challenges/${challenge.id}`;
  const query = { asOf: instants.asOf, validAt: instants.validAt };
  const item = useApi(`challenge:${challenge.id}:${JSON.stringify(query)}`, (signal) => apiGet<Challenge>(token, path, query, signal));
  const history = useApi(`challenge-history:${challenge.id}`, (signal) =>
    apiGet<{ items: HistoryEntry[] }>(token, `${path}/history`, {}, signal),
  );
  useEffect(() => heading.current?.focus(), [challenge.id]);

  return (
    <section className="detail" aria-labelledby="challenge-detail-heading">
      <h2 id="challenge-detail-heading" tabIndex={-1} ref={heading}>
        {challenge.subject}
      </h2>
      <button type="button" className="secondary" onClick={onClose}>
        Close details
      </button>
      {item.state === 'loading' && <p aria-live="polite">Loading the challenge…</p>}
      {item.state === 'failed' && <ProblemMessage problem={item.problem} />}
      {item.state === 'ready' && (
        <>
          <dl className="facts">
            <dt>To</dt>
            <dd>{agencyName}</dd>
            <dt>Status</dt>
            <dd>{item.value.status}</dd>
            <dt>Response due</dt>
            <dd>
              {item.value.responseDueDate}
              {item.value.responseOverdue ? ' (overdue)' : ''}
            </dd>
            <dt>Outcome</dt>
            <dd>{item.value.outcome ?? '—'}</dd>
          </dl>
          <p>{item.value.detail}</p>
          <h3>Escalations</h3>
          {item.value.escalations.length === 0 ? (
            <p className="empty">Not escalated.</p>
          ) : (
            <ul className="escalations" aria-label="Escalations">
              {item.value.escalations.map((escalation) => (
                <li key={`${escalation.occurredAt}:${escalation.level}`}>
                  <strong>{escalation.level}</strong> on{' '}
                  <time dateTime={escalation.occurredAt}>{formatInstant(escalation.occurredAt)}</time>: {escalation.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>History</h3>
      {history.state === 'loading' && <p aria-live="polite">Loading history…</p>}
      {history.state === 'failed' && <ProblemMessage problem={history.problem} />}
      {history.state === 'ready' && <HistoryTable entries={history.value.items} />}
    </section>
  );
}

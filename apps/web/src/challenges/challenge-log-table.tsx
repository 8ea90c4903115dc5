import type { Challenge } from '../api/challenge-types';

interface Props {
  readonly challenges: readonly Challenge[];
  readonly agencyNames: ReadonlyMap<string, string>;
  readonly onOpen: (challenge: Challenge) => void;
}

const escalationText = (challenge: Challenge) =>
  challenge.escalationLevel === null ? 'Not escalated' : `${challenge.escalationLevel} (${challenge.escalations.length})`;

/** One row per challenge: to whom, status, highest escalation, response due and whether it is overdue. */
export function ChallengeLogTable({ challenges, agencyNames, onOpen }: Props) {
  if (challenges.length === 0) return <p className="empty">No challenges recorded.</p>;
  return (
    <div className="table-wrap">
      <table className="challenges">
        <caption>Challenges, with escalation and response timeliness at the instant shown</caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">To agency</th>
            <th scope="col">Status</th>
            <th scope="col">Escalation</th>
            <th scope="col">Response due</th>
            <th scope="col">Response overdue</th>
            <th scope="col">Age (days)</th>
          </tr>
        </thead>
        <tbody>
          {challenges.map((challenge) => (
            <tr key={challenge.id} data-challenge-id={challenge.id}>
              <th scope="row">
                <button type="button" className="link" onClick={() => onOpen(challenge)}>
                  {challenge.subject}
                </button>
              </th>
              <td>{agencyNames.get(challenge.toAgencyId) ?? challenge.toAgencyId}</td>
              <td>{challenge.status}</td>
              <td className="escalation">{escalationText(challenge)}</td>
              <td>{challenge.responseDueDate}</td>
              <td className={challenge.responseOverdue ? 'overdue' : undefined}>{challenge.responseOverdue ? 'Overdue' : 'No'}</td>
              <td className="number">{challenge.ageDays ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

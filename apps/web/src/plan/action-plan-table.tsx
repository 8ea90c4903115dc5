import type { ActionPlanRow } from '../api/types';
import { BackdatedBadge } from './backdated-badge';

interface Props {
  readonly rows: readonly ActionPlanRow[];
  readonly onOpen: (row: ActionPlanRow) => void;
}

const backdatedWhy = (count: number) =>
  `${count} of this action's events ${count === 1 ? 'was' : 'were'} recorded after ${count === 1 ? 'it' : 'they'} happened (entered with an earlier occurredAt and a reason); open the history to see both times.`;

/** The action plan's canonical columns (DESIGN §5), one row per action and recommendation. */
export function ActionPlanTable({ rows, onOpen }: Props) {
  if (rows.length === 0) return <p className="empty">No actions match.</p>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Action plan table (scrolls sideways)">
      <table className="plan">
        <caption>Action plan: {rows.length === 1 ? '1 row' : `${rows.length} rows`}</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            <th scope="col">Recommendation</th>
            <th scope="col">Action</th>
            <th scope="col">Lead agency</th>
            <th scope="col">Owner</th>
            <th scope="col">Target date</th>
            <th scope="col">RAG</th>
            <th scope="col">Timeliness</th>
            <th scope="col">Status</th>
            <th scope="col">Evidence</th>
            <th scope="col">Impact</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.action.id}:${row.recommendation.id}`} data-action-id={row.action.id}>
              <td>{row.source ? row.source.title : '—'}</td>
              <td>
                {row.recommendation.number && <strong>{row.recommendation.number} </strong>}
                {row.recommendation.text ?? '—'}
              </td>
              <th scope="row">
                <button type="button" className="link" onClick={() => onOpen(row)}>
                  {row.action.description}
                </button>
                {row.backdated && <BackdatedBadge explanation={backdatedWhy(row.backdatedEvents ?? 1)} />}
              </th>
              <td>{row.leadAgency.name ?? <span title={`Agency ${row.leadAgency.id}`}>Agency not on record at this moment</span>}</td>
              <td>{row.owner ?? 'Unassigned'}</td>
              <td>
                {row.targetDate.current}
                {row.targetDate.revisions.length > 0 && (
                  <ul className="revisions" aria-label="Target date revisions">
                    {row.targetDate.revisions.map((revision) => (
                      <li key={`${revision.from}:${revision.to}`}>
                        <del>{revision.from}</del> → {revision.to}: {revision.reason}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>{row.ownerRag ? <span className={`rag rag-${row.ownerRag}`}>{row.ownerRag}</span> : 'Not set'}</td>
              <td>{row.timeliness}</td>
              <td>{row.status}</td>
              <td className="number">{row.evidenceCount}</td>
              <td>{row.impactStatus}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

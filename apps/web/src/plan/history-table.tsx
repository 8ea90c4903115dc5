import type { HistoryEntry } from '../api/types';
import { BackdatedBadge } from './backdated-badge';
import { formatInstant } from './instant';

const reasonOf = (entry: HistoryEntry): string | null => {
  const reason = entry.data?.['reason'];
  return typeof reason === 'string' ? reason : entry.backdatedReason;
};

/** Every event of an item: what, when it happened vs when the ledger recorded it, who, and why. */
export function HistoryTable({ entries }: { readonly entries: readonly HistoryEntry[] }) {
  return (
    <table className="history">
      <caption>Every recorded event, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">Occurred at</th>
          <th scope="col">Recorded at</th>
          <th scope="col">Actor</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.position} data-event-type={entry.type} className={entry.backdated ? 'backdated' : undefined}>
            <th scope="row">
              {entry.type}
              {entry.backdated && (
                <BackdatedBadge
                  explanation={`Recorded at ${entry.recordedAt} but occurred at ${entry.occurredAt}: ${entry.backdatedReason ?? 'no reason given'}`}
                />
              )}
            </th>
            <td>
              <time dateTime={entry.occurredAt} title={entry.occurredAt}>
                {formatInstant(entry.occurredAt)}
              </time>
            </td>
            <td>
              <time dateTime={entry.recordedAt} title={entry.recordedAt}>
                {formatInstant(entry.recordedAt)}
              </time>
            </td>
            <td>{entry.actor ? `${entry.actor.userId ?? 'unknown'} (${entry.actor.role ?? 'no role'})` : '—'}</td>
            <td>{reasonOf(entry) ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

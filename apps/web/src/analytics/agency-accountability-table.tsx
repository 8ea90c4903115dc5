import type { AgencyAccountabilityRow } from '../api/analytics-types';

const days = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** Per lead agency: the actions it leads and the challenges it received, each column named in full. */
export function AgencyAccountabilityTable({ agencies }: { readonly agencies: readonly AgencyAccountabilityRow[] }) {
  if (agencies.length === 0) return <p className="empty">No agency leads an action or has received a challenge.</p>;
  return (
    <div className="table-wrap">
      <table className="accountability">
        <caption>Agency accountability: actions led and challenges received</caption>
        <thead>
          <tr>
            <th scope="col">Agency</th>
            <th scope="col">Actions led</th>
            <th scope="col">Open actions</th>
            <th scope="col">Overdue actions</th>
            <th scope="col">Actions slipped</th>
            <th scope="col">Late actions</th>
            <th scope="col">Average days late</th>
            <th scope="col">Challenges received</th>
            <th scope="col">Open challenges</th>
            <th scope="col">Responses overdue</th>
            <th scope="col">Oldest open challenge (days)</th>
          </tr>
        </thead>
        <tbody>
          {agencies.map((row) => (
            <tr key={row.agencyId} data-agency-id={row.agencyId}>
              <th scope="row">{row.agencyName ?? row.agencyId}</th>
              <td className="number" data-field="actions.led">
                {row.actions.led}
              </td>
              <td className="number" data-field="actions.open">
                {row.actions.open}
              </td>
              <td className="number" data-field="actions.overdue">
                {row.actions.overdue}
              </td>
              <td className="number">{row.actions.slipped}</td>
              <td className="number">{row.actions.late}</td>
              <td className="number">{days(row.actions.averageDaysLate)}</td>
              <td className="number">{row.challenges.received}</td>
              <td className="number" data-field="challenges.open">
                {row.challenges.open}
              </td>
              <td className="number" data-field="challenges.responseOverdue">
                {row.challenges.responseOverdue}
              </td>
              <td className="number">{row.challenges.oldestOpenAgeDays ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

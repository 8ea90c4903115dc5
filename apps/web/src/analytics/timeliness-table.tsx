import type { TimelinessReport, TimelinessSummary } from '../api/analytics-types';

const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);

function Row({ label, summary }: { readonly label: string; readonly summary: TimelinessSummary }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="number">{summary.total}</td>
      <td className="number">{summary.onTime}</td>
      <td className="number">{summary.late}</td>
      <td className="number">{summary.overdue}</td>
      <td className="number">{summary.pending}</td>
      <td className="number">{share(summary.shareOnTime)}</td>
    </tr>
  );
}

/** The statutory clocks in one summary: rapid reviews (working days) and challenge responses (due dates). */
export function TimelinessTable({ report }: { readonly report: TimelinessReport }) {
  return (
    <div className="table-wrap">
      <table className="timeliness">
        <caption>
          Statutory timeliness: rapid reviews within {report.rapidReviews.workingDayLimit} working days
          {report.bankHolidays ? ` (bank holidays: ${report.bankHolidays})` : ''}, challenge responses by their due date
        </caption>
        <thead>
          <tr>
            <th scope="col">Clock</th>
            <th scope="col">Total</th>
            <th scope="col">On time</th>
            <th scope="col">Late</th>
            <th scope="col">Overdue</th>
            <th scope="col">Pending</th>
            <th scope="col">Share on time</th>
          </tr>
        </thead>
        <tbody>
          <Row label="Rapid reviews" summary={report.rapidReviews.summary} />
          <Row label="Challenge responses" summary={report.challengeResponses.summary} />
        </tbody>
      </table>
    </div>
  );
}

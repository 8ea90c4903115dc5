import type { CycleTimesReport } from '../api/analytics-types';

const STAGE_NAMES: Readonly<Record<string, string>> = {
  'finding-to-recommendation': 'Finding → recommendation',
  'recommendation-to-agreed': 'Recommendation → agreed action',
  'agreed-to-completed': 'Agreed → completion verified',
  'completed-to-impact-assured': 'Completed → impact assured',
};
const value = (days: number | null) => (days === null ? '—' : String(days));

/** Median and 90th percentile per stage of the learning cycle, overall. */
export function CycleTimesTable({ report }: { readonly report: CycleTimesReport }) {
  return (
    <div className="table-wrap">
      <table className="cycle-times">
        <caption>Cycle times in {report.unit.replace('-', ' ')}: median and 90th percentile per stage</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Samples</th>
            <th scope="col">Median</th>
            <th scope="col">90th percentile</th>
          </tr>
        </thead>
        <tbody>
          {report.stages.map((stage) => (
            <tr key={stage.stage} data-stage={stage.stage}>
              <th scope="row">{STAGE_NAMES[stage.stage] ?? stage.stage}</th>
              <td className="number">{stage.overall.count}</td>
              <td className="number">{value(stage.overall.median)}</td>
              <td className="number">{value(stage.overall.p90)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

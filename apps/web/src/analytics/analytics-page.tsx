import { useState, type ReactNode } from 'react';
import type { AgencyAccountabilityReport, CycleTimesReport, TimelinessReport } from '../api/analytics-types';
import { apiGet } from '../api/ledger-client';
import type { Instants, Partnership } from '../api/types';
import { useApi, type Loaded } from '../api/use-api';
import { describeMoment, InstantsForm } from '../instants-form';
import { formatInstant } from '../plan/instant';
import { ProblemMessage } from '../problem-message';
import { AgencyAccountabilityTable } from './agency-accountability-table';
import { CycleTimesTable } from './cycle-times-table';
import { TimelinessTable } from './timeliness-table';

interface Props {
  readonly token: string;
  readonly partnership: Partnership;
}

function Section<T>({ loaded, what, render }: { loaded: Loaded<T>; what: string; render: (value: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p aria-live="polite">Loading {what}…</p>;
  if (loaded.state === 'failed') return <ProblemMessage problem={loaded.problem} />;
  return <>{render(loaded.value)}</>;
}

/** Analytics computed from the events at the instants shown: accountability, statutory timeliness, cycle times. */
export function AnalyticsPage({ token, partnership }: Props) {
  const [instants, setInstants] = useState<Instants>({ asOf: '', validAt: '' });
  const base = `/partnerships/${partnership.id}/analytics`;
  const query = { asOf: instants.asOf, validAt: instants.validAt };
  const key = `${partnership.id}:${JSON.stringify(query)}`;
  const accountability = useApi(`accountability:${key}`, (signal) =>
    apiGet<AgencyAccountabilityReport>(token, `${base}/agency-accountability`, query, signal),
  );
  const timeliness = useApi(`timeliness:${key}`, (signal) => apiGet<TimelinessReport>(token, `${base}/timeliness`, query, signal));
  const cycleTimes = useApi(`cycle-times:${key}`, (signal) => apiGet<CycleTimesReport>(token, `${base}/cycle-times`, query, signal));

  return (
    <section aria-labelledby="analytics-heading">
      <h1 id="analytics-heading">{partnership.name}: analytics</h1>
      <InstantsForm label="Analytics time travel" instants={instants} onApply={setInstants} />
      <p className="moment" aria-live="polite">
        {describeMoment('the analytics', instants, formatInstant)}
      </p>
      <h2>Agency accountability</h2>
      <Section
        loaded={accountability}
        what="agency accountability"
        render={(value) => <AgencyAccountabilityTable agencies={value.agencies} />}
      />
      <h2>Statutory timeliness</h2>
      <Section loaded={timeliness} what="timeliness" render={(value) => <TimelinessTable report={value} />} />
      <h2>Cycle times</h2>
      <Section loaded={cycleTimes} what="cycle times" render={(value) => <CycleTimesTable report={value} />} />
    </section>
  );
}

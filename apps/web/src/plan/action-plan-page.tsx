import { useState } from 'react';
import { apiGet } from '../api/ledger-client';
import type { ActionPlan, ActionPlanRow, Instants, Partnership, PlanFilters } from '../api/types';
import { useApi } from '../api/use-api';
import { ProblemMessage } from '../problem-message';
import { ActionDetail } from './action-detail';
import { ActionPlanTable } from './action-plan-table';
import { formatInstant } from './instant';
import { TimeTravelForm } from './time-travel-form';

interface Props {
  readonly token: string;
  readonly partnership: Partnership;
}

/** One partnership's action plan, now or at a moment in record or business time. */
export function ActionPlanPage({ token, partnership }: Props) {
  const [instants, setInstants] = useState<Instants>({ asOf: '', validAt: '' });
  const [filters, setFilters] = useState<PlanFilters>({ status: '', overdue: false });
  const [open, setOpen] = useState<ActionPlanRow | null>(null);
  const query = {
    asOf: instants.asOf,
    validAt: instants.validAt,
    status: filters.status,
    overdue: filters.overdue ? 'true' : undefined,
  };
  const plan = useApi(`${partnership.id}:${JSON.stringify(query)}`, (signal) =>
    apiGet<ActionPlan>(token, `/partnerships/${partnership.id}/action-plan`, query, signal),
  );

  return (
    <section aria-labelledby="plan-heading">
      <h1 id="plan-heading">{partnership.name}: action plan</h1>
      <TimeTravelForm
        instants={instants}
        filters={filters}
        onApply={(nextInstants, nextFilters) => {
          setInstants(nextInstants);
          setFilters(nextFilters);
        }}
      />
      <p className="moment" aria-live="polite">
        {instants.asOf || instants.validAt ? (
          <>
            Showing the plan {instants.asOf && <>as recorded at {formatInstant(instants.asOf)}</>}
            {instants.asOf && instants.validAt && ' and '}
            {instants.validAt && <>as true at {formatInstant(instants.validAt)}</>}.
          </>
        ) : (
          'Showing the plan as it stands now.'
        )}
      </p>
      {plan.state === 'loading' && <p aria-live="polite">Loading the action plan…</p>}
      {plan.state === 'failed' && <ProblemMessage problem={plan.problem} />}
      {plan.state === 'ready' && <ActionPlanTable rows={plan.value.rows} onOpen={setOpen} />}
      {open && <ActionDetail token={token} partnershipId={partnership.id} row={open} instants={instants} onClose={() => setOpen(null)} />}
    </section>
  );
}

import { useState } from 'react';
import type { Agency, Challenge, ChallengeLog } from '../api/challenge-types';
import { apiGet } from '../api/ledger-client';
import type { Instants, Partnership } from '../api/types';
import { useApi } from '../api/use-api';
import { describeMoment, InstantsForm } from '../instants-form';
import { formatInstant } from '../plan/instant';
import { ProblemMessage } from '../problem-message';
import { ChallengeDetail } from './challenge-detail';
import { ChallengeLogTable } from './challenge-log-table';

interface Props {
  readonly token: string;
  readonly partnership: Partnership;
}

/** The challenge log (DESIGN §5), now or at a moment in record or business time. */
export function ChallengeLogPage({ token, partnership }: Props) {
  const [instants, setInstants] = useState<Instants>({ asOf: '', validAt: '' });
  const [open, setOpen] = useState<Challenge | null>(null);
  const base = `/partnerships/${partnership.id}`;
  const query = { asOf: instants.asOf, validAt: instants.validAt };
  const log = useApi(`challenges:${partnership.id}:${JSON.stringify(query)}`, (signal) =>
    apiGet<ChallengeLog>(token, `${base}/challenges`, query, signal),
  );
  const agencies = useApi(`agencies:${partnership.id}`, (signal) => apiGet<{ items: Agency[] }>(token, `${base}/agencies`, {}, signal));
  const agencyNames = new Map(agencies.state === 'ready' ? agencies.value.items.map((agency) => [agency.id, agency.name]) : []);

  return (
    <section aria-labelledby="challenges-heading">
      <h1 id="challenges-heading">{partnership.name}: challenge log</h1>
      <InstantsForm
        label="Challenge log time travel"
        instants={instants}
        onApply={(next) => {
          setInstants(next);
          setOpen(null);
        }}
      />
      <p className="moment" aria-live="polite">
        {describeMoment('the challenge log', instants, formatInstant)}
      </p>
      {log.state === 'loading' && <p aria-live="polite">Loading the challenge log…</p>}
      {log.state === 'failed' && <ProblemMessage problem={log.problem} />}
      {log.state === 'ready' && <ChallengeLogTable challenges={log.value.items} agencyNames={agencyNames} onOpen={setOpen} />}
      {open && (
        <ChallengeDetail
          token={token}
          partnershipId={partnership.id}
          challenge={open}
          instants={instants}
          agencyName={agencyNames.get(open.toAgencyId) ?? open.toAgencyId}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

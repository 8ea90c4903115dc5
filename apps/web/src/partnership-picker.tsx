import { apiGet } from './api/ledger-client';
import type { Partnership } from './api/types';
import { useApi } from './api/use-api';
import { ProblemMessage } from './problem-message';

/** The partnerships the token may read (inspectors: only during a grant). */
export function PartnershipPicker({ token, onPick }: { readonly token: string; readonly onPick: (partnership: Partnership) => void }) {
  const loaded = useApi(`partnerships:${token}`, (signal) => apiGet<{ items: Partnership[] }>(token, '/partnerships', {}, signal));
  return (
    <section aria-labelledby="partnerships-heading">
      <h1 id="partnerships-heading">Partnerships</h1>
      {loaded.state === 'loading' && <p aria-live="polite">Loading partnerships…</p>}
      {loaded.state === 'failed' && <ProblemMessage problem={loaded.problem} />}
      {loaded.state === 'ready' && loaded.value.items.length === 0 && (
        <p className="empty">
          You have access to no partnership. Inspectors see a partnership only while its admin has granted them access.
        </p>
      )}
      {loaded.state === 'ready' && loaded.value.items.length > 0 && (
        <ul className="picker">
          {loaded.value.items.map((partnership) => (
            <li key={partnership.id}>
              <button type="button" onClick={() => onPick(partnership)}>
                {partnership.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useRef, useState, type KeyboardEvent } from 'react';
import type { Partnership } from './api/types';
import { AnalyticsPage } from './analytics/analytics-page';
import { ChallengeLogPage } from './challenges/challenge-log-page';
import { Downloads } from './downloads';
import { ActionPlanPage } from './plan/action-plan-page';

const TABS = [
  { id: 'plan', label: 'Plan' },
  { id: 'challenges', label: 'Challenges' },
  { id: 'analytics', label: 'Analytics' },
] as const;
type TabId = (typeof TABS)[number]['id'];

interface Props {
  readonly token: string;
  readonly partnership: Partnership;
}

/** One partnership: a tablist (WAI-ARIA tabs, arrow keys move between them) over plan, challenges and analytics. */
export function Workspace({ token, partnership }: Props) {
  const [tab, setTab] = useState<TabId>('plan');
  const buttons = useRef<Partial<Record<TabId, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = TABS.findIndex((candidate) => candidate.id === tab);
    const next = TABS[(index + step + TABS.length) % TABS.length]!.id;
    setTab(next);
    buttons.current[next]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label="Views" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            id={`tab-${id}`}
            type="button"
            role="tab"
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            ref={(element) => {
              buttons.current[id] = element;
            }}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {TABS.map(({ id }) => (
        // Every panel exists (so each tab's aria-controls names one); only the selected one is rendered.
        <div key={id} role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={tab !== id}>
          {tab === id && id === 'plan' && <ActionPlanPage token={token} partnership={partnership} />}
          {tab === id && id === 'challenges' && <ChallengeLogPage token={token} partnership={partnership} />}
          {tab === id && id === 'analytics' && <AnalyticsPage token={token} partnership={partnership} />}
        </div>
      ))}
      <Downloads token={token} partnershipId={partnership.id} />
    </>
  );
}

import { useState, type FormEvent } from 'react';
import type { Instants, PlanFilters } from '../api/types';
import { parseInstantInput } from './instant';

const STATUSES = [
  '',
  'proposed',
  'agreed',
  'in-progress',
  'paused',
  'completion-claimed',
  'completion-verified',
  'impact-assured',
  'closed',
  'cancelled',
  'superseded',
];

interface Props {
  readonly instants: Instants;
  readonly filters: PlanFilters;
  readonly onApply: (instants: Instants, filters: PlanFilters) => void;
}

/** Filters and the two clocks of time travel: "as recorded at" (asOf) and "as true at" (validAt). */
export function TimeTravelForm({ instants, filters, onApply }: Props) {
  const [asOf, setAsOf] = useState(instants.asOf);
  const [validAt, setValidAt] = useState(instants.validAt);
  const [status, setStatus] = useState(filters.status);
  const [overdue, setOverdue] = useState(filters.overdue);
  const [invalid, setInvalid] = useState<readonly string[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = [asOf && !parseInstantInput(asOf) ? 'asOf' : null, validAt && !parseInstantInput(validAt) ? 'validAt' : null].filter(
      (name): name is string => name !== null,
    );
    setInvalid(wrong);
    if (wrong.length === 0) onApply({ asOf: asOf.trim(), validAt: validAt.trim() }, { status, overdue });
  };
  const reset = () => {
    setAsOf('');
    setValidAt('');
    setInvalid([]);
    onApply({ asOf: '', validAt: '' }, { status, overdue });
  };
  const instantField = (id: 'asOf' | 'validAt', label: string, hint: string, value: string, set: (value: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="text"
        placeholder="2026-01-31T09:00:00Z"
        aria-describedby={`${id}-hint${invalid.includes(id) ? ` ${id}-error` : ''}`}
        aria-invalid={invalid.includes(id)}
        value={value}
        onChange={(event) => set(event.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {invalid.includes(id) && (
        <p id={`${id}-error`} className="field-error">
          Enter an ISO-8601 instant with a zone, e.g. 2026-01-31T09:00:00Z.
        </p>
      )}
    </div>
  );

  return (
    <form className="controls" onSubmit={submit} aria-label="Filters and time travel">
      <fieldset>
        <legend>Filters</legend>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" value={status} onChange={(event) => setStatus(event.target.value)}>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {value === '' ? 'Any status' : value}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id="overdue" type="checkbox" checked={overdue} onChange={(event) => setOverdue(event.target.checked)} />
          <label htmlFor="overdue">Overdue only</label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Time travel</legend>
        {instantField('asOf', 'As recorded at (asOf)', 'Show only what the ledger had recorded by this instant.', asOf, setAsOf)}
        {instantField(
          'validAt',
          'As true at (validAt)',
          'Show only what had happened by this instant, back-dated entries included.',
          validAt,
          setValidAt,
        )}
      </fieldset>
      <div className="actions">
        <button type="submit">Apply</button>
        <button type="button" className="secondary" onClick={reset}>
          Back to now
        </button>
      </div>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import type { Instants } from './api/types';
import { parseInstantInput } from './plan/instant';

interface Props {
  /** Names the form for assistive technology, e.g. "Challenge log time travel". */
  readonly label: string;
  readonly instants: Instants;
  readonly onApply: (instants: Instants) => void;
}

/** The two clocks alone, for views without filters: "as recorded at" (asOf) and "as true at" (validAt). */
export function InstantsForm({ label, instants, onApply }: Props) {
  const [asOf, setAsOf] = useState(instants.asOf);
  const [validAt, setValidAt] = useState(instants.validAt);
  const [invalid, setInvalid] = useState<readonly string[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = [asOf && !parseInstantInput(asOf) ? 'asOf' : null, validAt && !parseInstantInput(validAt) ? 'validAt' : null].filter(
      (name): name is string => name !== null,
    );
    setInvalid(wrong);
    if (wrong.length === 0) onApply({ asOf: asOf.trim(), validAt: validAt.trim() });
  };
  const reset = () => {
    setAsOf('');
    setValidAt('');
    setInvalid([]);
    onApply({ asOf: '', validAt: '' });
  };
  const field = (id: 'asOf' | 'validAt', text: string, hint: string, value: string, set: (value: string) => void) => (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <input
        id={id}
        type="text"
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
    <form className="controls" onSubmit={submit} aria-label={label}>
      <fieldset>
        <legend>Time travel</legend>
        {field('asOf', 'As recorded at (asOf)', 'Show only what the ledger had recorded by this instant.', asOf, setAsOf)}
        {field(
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

/** "Showing … as recorded at … and as true at …" for the live region under a form. */
export function describeMoment(what: string, instants: Instants, format: (iso: string) => string): string {
  const parts = [instants.asOf && `as recorded at ${format(instants.asOf)}`, instants.validAt && `as true at ${format(instants.validAt)}`];
  const said = parts.filter(Boolean).join(' and ');
  return said ? `Showing ${what} ${said}.` : `Showing ${what} as it stands now.`;
}

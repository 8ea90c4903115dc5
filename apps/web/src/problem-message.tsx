import type { ApiProblem } from './api/ledger-client';

/** A problem+json answer in words: what went wrong, why, and which fields. */
export function ProblemMessage({ problem }: { readonly problem: ApiProblem }) {
  return (
    <div role="alert" className="problem">
      <p className="problem-title">
        {problem.title}
        {problem.status > 0 && <span className="problem-status"> (HTTP {problem.status})</span>}
      </p>
      <p>{problem.detail}</p>
      {problem.fieldErrors.length > 0 && (
        <ul>
          {problem.fieldErrors.map((error) => (
            <li key={`${error.field}:${error.message}`}>
              <code>{error.field}</code>: {error.message}
            </li>
          ))}
        </ul>
      )}
      {problem.code && <p className="hint">Reason code: {problem.code}</p>}
    </div>
  );
}

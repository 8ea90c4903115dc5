import { useState } from 'react';
import { ApiProblem } from './api/ledger-client';
import { apiDownload } from './api/download';
import { ProblemMessage } from './problem-message';

interface Props {
  readonly token: string;
  readonly partnershipId: string;
}

interface Download {
  readonly label: string;
  readonly path: string;
  readonly fallbackName: string;
  /** The query at the moment of the click: the current instant. */
  readonly query: () => Readonly<Record<string, string>>;
}

/** Now to the second, never ahead of the server's clock (a pack of the future is refused). */
const nowToTheSecond = () => `${new Date().toISOString().slice(0, 19)}Z`;

/** Inspection pack and action-plan exports for the current instant, fetched with the bearer token. */
export function Downloads({ token, partnershipId }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const base = `/partnerships/${partnershipId}`;
  const downloads: readonly Download[] = [
    {
      label: 'Inspection pack (ZIP)',
      path: `${base}/inspection-pack`,
      fallbackName: 'inspection-pack.zip',
      query: () => ({ asOf: nowToTheSecond() }),
    },
    { label: 'Action plan (CSV)', path: `${base}/exports/action-plan.csv`, fallbackName: 'action-plan.csv', query: () => ({}) },
    { label: 'Action plan (XLSX)', path: `${base}/exports/action-plan.xlsx`, fallbackName: 'action-plan.xlsx', query: () => ({}) },
  ];

  const start = (download: Download) => {
    setBusy(download.label);
    setProblem(null);
    setSaved(null);
    apiDownload(token, download.path, download.query(), download.fallbackName)
      .then(
        (name) => setSaved(name),
        (error: unknown) =>
          setProblem(
            error instanceof ApiProblem
              ? error
              : new ApiProblem(0, 'Download failed', error instanceof Error ? error.message : String(error), null),
          ),
      )
      .finally(() => setBusy(null));
  };

  return (
    <section className="downloads" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading">Downloads for now</h2>
      <ul>
        {downloads.map((download) => (
          <li key={download.label}>
            <button type="button" className="secondary" disabled={busy !== null} onClick={() => start(download)}>
              Download {download.label}
            </button>
          </li>
        ))}
      </ul>
      <p aria-live="polite" className="hint">
        {busy ? `Preparing ${busy}…` : saved ? `Saved ${saved}.` : ''}
      </p>
      {problem && <ProblemMessage problem={problem} />}
    </section>
  );
}

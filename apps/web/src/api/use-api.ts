import { useEffect, useState } from 'react';
import { ApiProblem } from './ledger-client';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly problem: ApiProblem }
  | { readonly state: 'ready'; readonly value: T };

/** Runs `load` whenever `key` changes, abandoning the previous request; the latest answer wins. */
export function useApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    load(controller.signal).then(
      (value) => setLoaded({ state: 'ready', value }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const problem =
          error instanceof ApiProblem
            ? error
            : new ApiProblem(0, 'Network error', error instanceof Error ? error.message : String(error), null);
        setLoaded({ state: 'failed', problem });
      },
    );
    return () => controller.abort();
    // `key` names everything `load` reads.
  }, [key]);
  return loaded;
}

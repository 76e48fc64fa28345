/**
 * Loading data from the API into a screen: the answer, the error, a busy flag and a way to
 * load again. A request still running when its inputs change or the screen closes is aborted.
 */
import { useCallback, useEffect, useState } from 'react';

/** What {@link useApiData} returns. */
export interface ApiData<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again with the same inputs (e.g. after a change was saved). */
  reload: () => void;
  /** Replaces the loaded data locally, e.g. with the row the server returned after an update. */
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/**
 * Calls `load` now and whenever one of `deps` changes. Pass `enabled = false` to wait
 * (e.g. until an agency is chosen).
 */
export function useApiData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
  enabled = true,
): ApiData<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    load(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setDataState(result);
        setLoading(false);
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure on each render; `deps` say when its inputs really changed.
  }, [...deps, enabled, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const setData = useCallback((update: (current: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}

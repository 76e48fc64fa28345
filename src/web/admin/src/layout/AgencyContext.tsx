/**
 * The agency the console is looking at. Supervisors and system administrators see several
 * agencies and choose one in the top bar; the choice lives in the URL as ?agency=ID (so a link
 * or a reload keeps it) and screens send it to the API as agencyId. Everyone else works on
 * their own agency.
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api/client.ts';
import type { Agency } from '../api/types.ts';
import { useAuth, useMe } from '../auth/AuthContext.tsx';
import { useApiData } from '../lib/useApiData.ts';

/** Name of the URL parameter holding the chosen agency. */
export const AGENCY_PARAM = 'agency';

interface AgencySelection {
  /** Every agency the user may see (empty while loading or when the list is not available). */
  agencies: Agency[];
  agenciesLoading: boolean;
  /** The chosen agency's id: ?agency when it is one the user may see, else the user's own. */
  agencyId: string;
  /** The chosen agency, once the list is loaded. */
  agency: Agency | undefined;
  /** True when the user may see more than one agency, i.e. the switcher is shown. */
  canSwitch: boolean;
  /** Chooses an agency (writes ?agency=ID, keeping the rest of the URL). */
  setAgencyId: (id: string) => void;
  /** Loads the list again, e.g. after an agency was created or renamed. */
  reloadAgencies: () => void;
}

const AgencyContext = createContext<AgencySelection | null>(null);

/** The current agency selection; only inside {@link AgencyProvider}. */
export function useAgencySelection(): AgencySelection {
  const value = useContext(AgencyContext);
  if (!value) throw new Error('useAgencySelection outside AgencyProvider');
  return value;
}

/** Loads the visible agencies once for the whole console and resolves ?agency. */
export function AgencyProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const { status } = useAuth();
  const [params, setParams] = useSearchParams();
  const list = useApiData((signal) => api.agencies(signal), [me.id], status === 'authenticated');
  // A 403 or a failure leaves the user on their own agency, which always works.
  const agencies = useMemo(() => list.data?.items ?? [], [list.data]);
  const requested = params.get(AGENCY_PARAM);
  const agencyId = requested && agencies.some((a) => a.id === requested) ? requested : me.agencyId;

  const setAgencyId = useCallback(
    (id: string) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set(AGENCY_PARAM, id);
        return next;
      }),
    [setParams],
  );

  const value = useMemo<AgencySelection>(
    () => ({
      agencies,
      agenciesLoading: list.loading,
      agencyId,
      agency: agencies.find((a) => a.id === agencyId),
      canSwitch: agencies.length > 1,
      setAgencyId,
      reloadAgencies: list.reload,
    }),
    [agencies, list.loading, agencyId, setAgencyId, list.reload],
  );
  return <AgencyContext.Provider value={value}>{children}</AgencyContext.Provider>;
}

/** The search part of a link that keeps the chosen agency, for menu entries and in-app links. */
export function useAgencySearch(): string {
  const [params] = useSearchParams();
  const id = params.get(AGENCY_PARAM);
  return id ? `?${AGENCY_PARAM}=${encodeURIComponent(id)}` : '';
}

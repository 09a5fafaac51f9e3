import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/api-client';
import { claimsOf, type Claims } from './claims';

const STORAGE_KEY = 'connected-health.console.token';

export interface Session {
  token: string;
  claims: Claims;
}

interface SessionContextValue {
  session?: Session;
  api: ApiClient;
  signIn(token: string): Session | undefined;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

/**
 * Who is signed in, for this tab only (sessionStorage: closing the tab signs
 * out, and another tab may sign in as another role), and the API client that
 * carries their token.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => restore());
  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(undefined);
  }, []);
  const signIn = useCallback((token: string) => {
    const claims = claimsOf(token);
    if (!claims) return undefined;
    const next = { token: token.trim(), claims };
    sessionStorage.setItem(STORAGE_KEY, next.token);
    setSession(next);
    return next;
  }, []);
  const api = useMemo(() => new ApiClient(() => session?.token, signOut), [session, signOut]);
  const value = useMemo(() => ({ session, api, signIn, signOut }), [session, api, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function restore(): Session | undefined {
  const token = sessionStorage.getItem(STORAGE_KEY);
  const claims = token ? claimsOf(token) : undefined;
  return token && claims ? { token, claims } : undefined;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The API client of the signed-in user. */
export const useApi = (): ApiClient => useSession().api;

/** The signed-in user's claims; the role pages are only mounted once someone is signed in. */
export function useClaims(): Claims {
  const { session } = useSession();
  if (!session) throw new Error('useClaims without a session');
  return session.claims;
}

import type { Principal } from './principal';

/** What the guard needs from an HTTP request, and what it leaves on it. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

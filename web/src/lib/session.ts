import type { Session } from '@/types/api';

// Who is signed in, in one place outside React, so that the api client (which attaches the token
// and drops an expired session) and the live connection (which reconnects with the new token and
// topics) follow the same state as the components.
export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; expired: boolean }
  | ({ status: 'signed-in' } & Session);

/**
 * Whether this browser signed in and has not signed out since: only then can a cookie hold a session
 * worth restoring at load, so a visitor who never signed in is not made to wait for the api to say no.
 */
const HINT = 'bookhub.signed-in';

let state: SessionState = { status: 'restoring' };
const listeners = new Set<() => void>();

export const sessionStore = {
  get: (): SessionState => state,
  set(next: SessionState): void {
    state = next;
    if (next.status === 'signed-in') localStorage.setItem(HINT, '1');
    if (next.status === 'signed-out') localStorage.removeItem(HINT);
    listeners.forEach((listener) => listener());
  },
  mayHaveSession: (): boolean => localStorage.getItem(HINT) !== null,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function accessToken(): string | null {
  return state.status === 'signed-in' ? state.token : null;
}

/** Seconds since the epoch at which a JWT expires, or null when it cannot be read. */
export function tokenExpiry(token: string): number | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const exp = JSON.parse(atob(payload)).exp;
    return typeof exp === 'number' ? exp : null;
  } catch {
    return null;
  }
}

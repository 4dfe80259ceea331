import type { Session } from '@/types/api';
import { createStore } from './store';

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

const state = createStore<SessionState>({ status: 'restoring' });

export const sessionStore = {
  get: state.get,
  subscribe: state.subscribe,
  set(next: SessionState): void {
    if (next.status === 'signed-in') localStorage.setItem(HINT, '1');
    if (next.status === 'signed-out') localStorage.removeItem(HINT);
    state.set(next);
  },
  mayHaveSession: (): boolean => localStorage.getItem(HINT) !== null,
};

export function accessToken(): string | null {
  const current = state.get();
  return current.status === 'signed-in' ? current.token : null;
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

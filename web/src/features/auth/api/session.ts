import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '@/lib/api-client';
import { type SessionState, sessionStore } from '@/lib/session';
import type { Session, User } from '@/types/api';

export interface Credentials {
  username: string;
  password: string;
}

export interface SignupForm extends Credentials {
  email: string;
}

export function useSession(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

export function useCurrentUser(): User | null {
  const session = useSession();
  return session.status === 'signed-in' ? session.user : null;
}

/**
 * At page load: the api's cookie (today's long token, or a refresh cookie, which the client
 * trades on the 401) may still hold a session; ask who it is. Any failure, an unreachable api
 * included, leaves the page signed out: it works that way and says why where it loads data.
 */
export async function restoreSession(): Promise<void> {
  if (!sessionStore.mayHaveSession()) {
    sessionStore.set({ status: 'signed-out', expired: false });
    return;
  }
  try {
    const user = await api<User>('/auth/profile');
    const current = sessionStore.get();
    sessionStore.set({ status: 'signed-in', user, token: current.status === 'signed-in' ? current.token : null });
  } catch {
    sessionStore.set({ status: 'signed-out', expired: false });
  }
}

/** The signed-in user's data must not outlive the session in the cache. */
function useStartSession() {
  const client = useQueryClient();
  return (session: Session) => {
    client.removeQueries({ queryKey: ['orders'] });
    client.removeQueries({ queryKey: ['admin'] });
    sessionStore.set({ status: 'signed-in', ...session });
  };
}

export function useLogin() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (credentials: Credentials) => api<Session>('/auth/login', { method: 'POST', body: credentials }),
    onSuccess: start,
  });
}

export function useSignup() {
  const start = useStartSession();
  return useMutation({
    mutationFn: (form: SignupForm) => api<Session>('/auth/signup', { method: 'POST', body: form }),
    onSuccess: start,
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    // Signed out here whatever the api said: the page must not keep showing a session.
    onSettled: () => {
      sessionStore.set({ status: 'signed-out', expired: false });
      client.removeQueries({ queryKey: ['orders'] });
      client.removeQueries({ queryKey: ['admin'] });
    },
  });
}

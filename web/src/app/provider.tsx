import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { getAppConfigQueryOptions } from '@/config/app-config';
import { useSession } from '@/features/auth/api/session';
import { ProblemError, renewOrSignOut } from '@/lib/api-client';
import { LiveProvider } from '@/lib/live/live-context';
import type { SessionState } from '@/lib/session';
import { createLiveHandlers } from './live-handlers';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Live events keep cached data current, so it is not refetched on every focus or mount.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A refused request will be refused again; a network failure is worth one more try.
        retry: (failures, error) => !(error instanceof ProblemError && error.status < 500) && failures < 2,
      },
    },
  });
}

/**
 * The session's topics: your orders, or everything an admin sees. Books are not among them: each
 * screen subscribes to the books it shows (`useBookSubscription`).
 */
function topicsFor(session: SessionState): string[] {
  if (session.status !== 'signed-in') return [];
  return session.user.role === 'admin' ? ['admin'] : [`orders:${session.user.id}`];
}

function Live({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const config = useQuery(getAppConfigQueryOptions());
  const session = useSession();
  const handlers = useMemo(() => createLiveHandlers(client), [client]);
  const topics = topicsFor(session).join(',');
  const token = session.status === 'signed-in' ? session.token : null;
  const subscription = useMemo(() => ({ topics: topics.split(',').filter(Boolean), token }), [topics, token]);
  // Until the session is known the page does not connect, so it does not connect twice.
  const gateways = session.status === 'restoring' ? undefined : config.data?.gateways;
  return (
    <LiveProvider gateways={gateways} subscription={subscription} handlers={handlers} renewToken={renewOrSignOut}>
      {children}
    </LiveProvider>
  );
}

export function AppProvider({ children, client: given }: { children: ReactNode; client?: QueryClient }) {
  const [client] = useState(() => given ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <Live>{children}</Live>
    </QueryClientProvider>
  );
}

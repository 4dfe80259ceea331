import type { QueryClient } from '@tanstack/react-query';
import { applyBookEvent, isBookChange } from '@/features/books/live';
import { refreshStatsOn } from '@/features/dashboard/live';
import { applyOrderEvent, isOrderEvent } from '@/features/orders/live';
import { renewSession } from '@/lib/api-client';
import type { LiveHandlers } from '@/lib/live/connection';
import { RefetchScheduler } from '@/lib/live/refetch-scheduler';
import { accessToken, sessionStore } from '@/lib/session';
import { tellViewer } from './live-notifications';

/** The live connection's writes into the query cache: each feature's reducer, and the viewer's toasts. */
export function createLiveHandlers(client: QueryClient): LiveHandlers {
  const lists = new RefetchScheduler(client, 300, 2_000);
  // Stats are aggregations over the whole store: refetched at most every few seconds.
  const stats = new RefetchScheduler(client, 1_000, 5_000);
  let renewedFor: string | null | undefined;
  return {
    onEvent(event) {
      tellViewer(client, event);
      if (isBookChange(event)) applyBookEvent(client, event, lists);
      if (isOrderEvent(event)) applyOrderEvent(client, event, lists);
      refreshStatsOn(event, stats);
    },
    onResync() {
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'config' });
    },
    onTopicError(_topic, code) {
      // The gateway found no valid token for a private topic: the session expired or was revoked.
      // One renewal per token; if that fails, the page is signed out.
      if (code !== 'unauthorized' || sessionStore.get().status !== 'signed-in' || renewedFor === accessToken()) return;
      renewedFor = accessToken();
      void renewSession().catch(() => false).then((renewed) => {
        if (!renewed) sessionStore.set({ status: 'signed-out', expired: true });
      });
    },
  };
}

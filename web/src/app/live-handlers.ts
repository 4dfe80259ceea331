import type { QueryClient } from '@tanstack/react-query';
import { applyBookEvent, isBookChange } from '@/features/books/live';
import { recordStockAlertOn, refreshStatsOn } from '@/features/dashboard/live';
import { applyOrderEvent, isOrderEvent } from '@/features/orders/live';
import { renewOrSignOut } from '@/lib/api-client';
import type { LiveHandlers } from '@/lib/live/connection';
import { RefetchScheduler } from '@/lib/live/refetch-scheduler';
import { accessToken, sessionStore } from '@/lib/session';
import { tellViewer } from './live-notifications';

/** Topic errors that a renewed session answers. */
const RENEWING_CODES = new Set(['unauthorized', 'revoked']);

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
      recordStockAlertOn(event);
    },
    onResync() {
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'config' });
    },
    onTopicError(_topic, code) {
      // The gateway found no valid token for a private topic (`unauthorized`: it expired), or the
      // account lost the right to it (`revoked`: a demotion). A renewed session carries the role the
      // account has now, so the topics and the pages follow it; if the api refuses, the page is signed
      // out. One renewal per token, however many topics were refused.
      if (!RENEWING_CODES.has(code) || sessionStore.get().status !== 'signed-in' || renewedFor === accessToken()) return;
      renewedFor = accessToken();
      void renewOrSignOut().catch(() => false);
    },
  };
}

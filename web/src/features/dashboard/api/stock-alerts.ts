import { useSyncExternalStore } from 'react';
import type { StockAlert } from '@/lib/live/frames';
import { createStore } from '@/lib/store';

// The stock alerts this page has seen on the `admin` topic, newest first. They are kept while the
// page is open (whichever screen is shown when they arrive), not fetched: they are events, not state.

/** Older alerts than this many are dropped: the stats' low-stock list says what is low now. */
const MAX_ALERTS = 20;

const alerts = createStore<StockAlert[]>([]);

export const stockAlerts = {
  get: alerts.get,
  subscribe: alerts.subscribe,
  /** Records an alert once: a replayed one (the same stream id) is not listed again. */
  record(alert: StockAlert): void {
    if (alerts.get().some((known) => known.eventId === alert.eventId)) return;
    alerts.set([alert, ...alerts.get()].slice(0, MAX_ALERTS));
  },
  clear(): void {
    alerts.set([]);
  },
};

export function useStockAlerts(): StockAlert[] {
  return useSyncExternalStore(stockAlerts.subscribe, stockAlerts.get);
}

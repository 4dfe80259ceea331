import { type LiveEvent, stockAlertOf } from '@/lib/live/frames';
import type { RefetchScheduler } from '@/lib/live/refetch-scheduler';
import { statsKey } from './api/get-stats';
import { stockAlerts } from './api/stock-alerts';

/**
 * The stats are sums over the whole store, which only the api can compute: any change to books or
 * orders (a stock alert included) asks for a refetch, held back so that a burst costs one request.
 */
export function refreshStatsOn(event: LiveEvent, refetches: RefetchScheduler): void {
  if (event.type.startsWith('book:') || event.type.startsWith('order:')) refetches.schedule(statsKey);
}

/** A `book:low-stock` / `book:restocked` event goes to the dashboard's stock alerts. */
export function recordStockAlertOn(event: LiveEvent): void {
  const alert = stockAlertOf(event);
  if (alert) stockAlerts.record(alert);
}

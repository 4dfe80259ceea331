import type { LiveEvent } from '@/lib/live/frames';
import type { RefetchScheduler } from '@/lib/live/refetch-scheduler';
import { statsKey } from './api/get-stats';

/**
 * The stats are sums over the whole store, which only the api can compute: any change to books or
 * orders asks for a refetch, held back so that a burst costs one request.
 */
export function refreshStatsOn(event: LiveEvent, refetches: RefetchScheduler): void {
  if (event.type.startsWith('book:') || event.type.startsWith('order:')) refetches.schedule(statsKey);
}

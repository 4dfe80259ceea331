import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Refetches that events ask for, held until events have been quiet for `quietMs` (but never longer
 * than `maxWaitMs`), so a burst of changes costs each screen one request per query, not one per event.
 */
export class RefetchScheduler {
  private readonly pending = new Map<string, QueryKey>();
  private quietTimer: ReturnType<typeof setTimeout> | undefined;
  private maxTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: QueryClient,
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
  ) {}

  schedule(queryKey: QueryKey): void {
    this.pending.set(JSON.stringify(queryKey), queryKey);
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(this.flush, this.quietMs);
    this.maxTimer ??= setTimeout(this.flush, this.maxWaitMs);
  }

  private flush = (): void => {
    clearTimeout(this.quietTimer);
    clearTimeout(this.maxTimer);
    this.maxTimer = undefined;
    const keys = [...this.pending.values()];
    this.pending.clear();
    // Only screens that show the query refetch; the others are marked stale and load when shown.
    keys.forEach((queryKey) => void this.client.invalidateQueries({ queryKey, exact: true }));
  };
}

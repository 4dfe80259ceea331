import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Applies an event to one cached query the way a refetch would change it. A query whose fetch is in
 * flight may answer with data from before the event: it is refetched instead (the running fetch is
 * cancelled), so the event's change is never overwritten by an older read.
 */
export function patchQuery<T>(client: QueryClient, queryKey: QueryKey, update: (data: T) => T): void {
  const state = client.getQueryState<T>(queryKey);
  if (!state) return;
  if (state.fetchStatus === 'fetching' || state.data === undefined) {
    void client.invalidateQueries({ queryKey, exact: true });
    return;
  }
  client.setQueryData<T>(queryKey, (data) => (data === undefined ? data : update(data)));
}

/** Every cached query under a key prefix, e.g. each page and filter of a list. */
export function queriesUnder(client: QueryClient, queryKey: QueryKey): Query[] {
  return client.getQueryCache().findAll({ queryKey });
}

import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Applies an event to one cached query the way a refetch would change it. A query whose fetch is in
 * flight may answer with data read before the event's change: it is fetched again instead (the
 * running fetch is cancelled), so the change is never overwritten by an older read.
 */
export function patchQuery<T>(client: QueryClient, queryKey: QueryKey, update: (data: T) => T): void {
  const query = client.getQueryCache().find<T>({ queryKey, exact: true });
  if (!query) return;
  if (query.state.fetchStatus === 'fetching') {
    // Not refetchQueries: a first load in flight would be joined, not restarted.
    void query.cancel({ revert: true }).then(() => query.fetch()).catch(() => undefined);
    return;
  }
  // Without data (it failed, or never loaded) there is nothing to patch: its next fetch reads the change.
  if (query.state.data !== undefined) client.setQueryData<T>(queryKey, update(query.state.data));
}

/** Every cached query under a key prefix, e.g. each page and filter of a list. */
export function queriesUnder(client: QueryClient, queryKey: QueryKey): Query[] {
  return client.getQueryCache().findAll({ queryKey });
}

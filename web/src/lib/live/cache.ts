import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { RefetchScheduler } from './refetch-scheduler';

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

/**
 * Applies an event to every cached page of a list (each filter, each page number, its params being
 * the key's third part), and schedules a refetch of those whose contents only the api can tell.
 */
export function patchPages<T, P>(client: QueryClient, listKey: QueryKey, refetches: RefetchScheduler,
  apply: (page: T, params: P) => { page: T; refetch: boolean }): void {
  for (const query of client.getQueryCache().findAll({ queryKey: listKey })) {
    patchQuery<T>(client, query.queryKey, (page) => {
      const next = apply(page, query.queryKey[2] as P);
      if (next.refetch) refetches.schedule(query.queryKey);
      return next.page;
    });
  }
}

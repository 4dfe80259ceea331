import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Book, Page } from '@/types/api';
import { type CatalogParams, catalogQuery } from './catalog-params';
import { bookKeys } from './keys';

export function getBooks(params: CatalogParams, signal?: AbortSignal): Promise<Page<Book>> {
  return api<Page<Book>>('/books', { query: catalogQuery(params), signal });
}

export const getBooksQueryOptions = (params: CatalogParams) =>
  queryOptions({
    queryKey: bookKeys.list(params),
    queryFn: ({ signal }) => getBooks(params, signal),
    // Typing in the search keeps the previous page on screen until the new one is there.
    placeholderData: keepPreviousData,
  });

export function useBooks(params: CatalogParams) {
  return useQuery(getBooksQueryOptions(params));
}

import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api, ProblemError } from '@/lib/api-client';
import type { Book } from '@/types/api';
import { bookKeys } from './keys';

/** One book, or null when there is no such book (never was, or deleted): both are answers, not errors. */
export async function getBook(id: string, signal?: AbortSignal): Promise<Book | null> {
  try {
    return await api<Book>(`/books/${encodeURIComponent(id)}`, { signal });
  } catch (error) {
    if (error instanceof ProblemError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

export const getBookQueryOptions = (id: string) =>
  queryOptions({
    queryKey: bookKeys.detail(id),
    queryFn: ({ signal }) => getBook(id, signal),
  });

export function useBook(id: string) {
  return useQuery(getBookQueryOptions(id));
}

/** Several books by id (a cart's), each under its own detail key so that live events reach it. */
export function useBooksById(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => getBookQueryOptions(id)),
    combine: (results) => ({
      books: new Map(ids.map((id, index) => [id, results[index].data])),
      error: results.find((result) => result.error)?.error ?? null,
      refetch: () => results.forEach((result) => void result.refetch()),
    }),
  });
}

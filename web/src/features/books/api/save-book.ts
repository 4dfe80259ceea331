import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { Book } from '@/types/api';
import { bookKeys } from './keys';

/** What an admin sends: a whole book (create, or replace with PUT so cleared fields are removed). */
export type BookInput = Omit<Book, 'id' | 'createdAt' | 'updatedAt'>;

export function useSaveBook(id?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (book: BookInput) =>
      id ? api<Book>(`/books/${encodeURIComponent(id)}`, { method: 'PUT', body: book }) : api<Book>('/books', { method: 'POST', body: book }),
    onSuccess: (book) => {
      client.setQueryData(bookKeys.detail(book.id), book);
      void client.invalidateQueries({ queryKey: bookKeys.lists });
    },
  });
}

export function useDeleteBook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/books/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_, id) => {
      client.setQueryData(bookKeys.detail(id), null);
      void client.invalidateQueries({ queryKey: bookKeys.lists });
    },
  });
}

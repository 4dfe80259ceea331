import type { QueryClient } from '@tanstack/react-query';
import { patchPages, patchQuery } from '@/lib/live/cache';
import type { LiveEvent } from '@/lib/live/frames';
import type { RefetchScheduler } from '@/lib/live/refetch-scheduler';
import type { Book, Page } from '@/types/api';
import { type CatalogParams, fieldsThatPlace, matchesCatalog } from './api/catalog-params';
import { bookKeys } from './api/keys';

const BOOK_CHANGES = new Set(['book:created', 'book:updated', 'book:deleted']);

/** A change of a book's document (not an alert about one, such as `book:low-stock`). */
export function isBookChange(event: LiveEvent): boolean {
  return BOOK_CHANGES.has(event.type) && typeof event.data.id === 'string';
}

/**
 * A catalog page after a book event, and whether it must also be refetched: a book that enters the
 * filter, moves in the sort order or leaves a page that has others behind it changes which books the
 * page holds, which only the api can say. What is known at once is shown at once: a changed book is
 * replaced where it is, a deleted or no-longer-matching one removed.
 */
export function applyToBookPage(page: Page<Book>, params: CatalogParams, event: LiveEvent): { page: Page<Book>; refetch: boolean } {
  const book = event.data as unknown as Book;
  const index = page.items.findIndex((item) => item.id === book.id);
  const morePages = page.totalItems > page.items.length;
  const without = (): Page<Book> => ({
    ...page,
    items: page.items.filter((item) => item.id !== book.id),
    totalItems: Math.max(0, page.totalItems - 1),
  });

  if (event.type === 'book:deleted') {
    return index >= 0 ? { page: without(), refetch: morePages } : { page, refetch: morePages };
  }
  const matches = matchesCatalog(book, params);
  if (event.type === 'book:created') {
    return { page, refetch: matches };
  }
  if (event.type !== 'book:updated') return { page, refetch: false };

  if (index >= 0) {
    if (!matches) return { page: without(), refetch: morePages };
    const sortField = params.sort.replace(/^-/, '') as keyof Book;
    const items = page.items.map((item, i) => (i === index ? book : item));
    return { page: { ...page, items }, refetch: page.items[index][sortField] !== book[sortField] };
  }
  const placing = fieldsThatPlace(params);
  const mayHaveMoved = event.changed === undefined || event.changed.some((field) => placing.has(field));
  return { page, refetch: mayHaveMoved && (matches || morePages) };
}

/** Writes a book event into every cached catalog page and the book's own entry. */
export function applyBookEvent(client: QueryClient, event: LiveEvent, refetches: RefetchScheduler): void {
  const id = event.data.id as string;
  patchQuery<Book | null>(client, bookKeys.detail(id), () => (event.type === 'book:deleted' ? null : (event.data as unknown as Book)));
  patchPages<Page<Book>, CatalogParams>(client, bookKeys.lists, refetches, (page, params) => applyToBookPage(page, params, event));
}

import { isCancelledError, QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefetchScheduler } from '@/lib/live/refetch-scheduler';
import { book, event, page } from '@/testing/data';
import type { Book, Page } from '@/types/api';
import { type CatalogParams, readCatalogParams } from './api/catalog-params';
import { bookKeys } from './api/keys';
import { applyBookEvent, applyToBookPage } from './live';

const all = readCatalogParams(new URLSearchParams());
const params = (query: string): CatalogParams => readCatalogParams(new URLSearchParams(query));

describe('applyToBookPage', () => {
  it('replaces an updated book where it is, without a refetch when its place holds', () => {
    const [a, b, c] = [book({ title: 'A' }), book({ title: 'B' }), book({ title: 'C' })];
    const next = applyToBookPage(page([a, b, c]), all, event('book:updated', { ...b, price: 1, stock: 0 }, { changed: ['price', 'stock'] }));
    expect(next.page.items.map((item) => [item.title, item.price, item.stock])).toEqual([['A', 1000, 5], ['B', 1, 0], ['C', 1000, 5]]);
    expect(next.refetch).toBe(false);
  });

  it('asks for a refetch when the sort key of a listed book changes', () => {
    const [a, b] = [book({ title: 'A' }), book({ title: 'B' })];
    const next = applyToBookPage(page([a, b]), all, event('book:updated', { ...a, title: 'Z' }));
    expect(next.page.items[0].title).toBe('Z');
    expect(next.refetch).toBe(true);
  });

  it('removes a book that no longer matches the filter, at once', () => {
    const [a, b] = [book({ stock: 3 }), book({ stock: 1 })];
    const next = applyToBookPage(page([a, b]), params('inStock=true'), event('book:updated', { ...b, stock: 0 }));
    expect(next.page.items).toEqual([a]);
    expect(next.page.totalItems).toBe(1);
    expect(next.refetch).toBe(false);
  });

  it('refetches to fill the page when a removed book leaves others behind on later pages', () => {
    const a = book();
    const next = applyToBookPage(page([a], { totalItems: 40, totalPages: 2 }), all, event('book:deleted', { id: a.id }));
    expect(next.page.items).toEqual([]);
    expect(next.page.totalItems).toBe(39);
    expect(next.refetch).toBe(true);
  });

  it('ignores a deleted book that is not listed when the page holds every result', () => {
    const a = book();
    const next = applyToBookPage(page([a]), all, event('book:deleted', { id: 'elsewhere' }));
    expect(next).toEqual({ page: page([a]), refetch: false });
  });

  it('refetches for a created book that matches, not for one that does not', () => {
    const listed = page([book({ genre: 'SF' })]);
    expect(applyToBookPage(listed, params('genre=SF'), event('book:created', book({ genre: 'SF' }))).refetch).toBe(true);
    expect(applyToBookPage(listed, params('genre=SF'), event('book:created', book({ genre: 'Poetry' }))).refetch).toBe(false);
  });

  it('refetches for an unlisted book that enters the filter, unless only unrelated fields changed', () => {
    const listed = page([book({ price: 500 })], { totalItems: 30, totalPages: 2 });
    const cheaper = book({ price: 400 });
    expect(applyToBookPage(listed, params('priceMax=5'), event('book:updated', cheaper, { changed: ['price'] })).refetch).toBe(true);
    expect(applyToBookPage(listed, params('priceMax=5'), event('book:updated', cheaper, { changed: ['description'] })).refetch).toBe(false);
    expect(applyToBookPage(listed, params('priceMax=5'), event('book:updated', cheaper)).refetch).toBe(true);
  });

  it('matches searches the way the api does: title, author, or ISBN without dashes', () => {
    const listed = page([], { totalItems: 0, totalPages: 0 });
    const dune = book({ title: 'Dune', author: 'Frank Herbert', isbn: '9780441013593' });
    for (const q of ['dUNE', 'herb', '978-0441']) {
      expect(applyToBookPage(listed, params(`q=${q}`), event('book:created', dune)).refetch).toBe(true);
    }
    expect(applyToBookPage(listed, params('q=solaris'), event('book:created', dune)).refetch).toBe(false);
  });
});

describe('applyBookEvent', () => {
  let client: QueryClient;
  let refetches: RefetchScheduler;

  beforeEach(() => {
    vi.useFakeTimers();
    client = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
    refetches = new RefetchScheduler(client, 300, 2_000);
  });

  afterEach(() => {
    client.clear();
    vi.useRealTimers();
  });

  it('writes updates and deletes into the book’s own entry and every cached catalog page', () => {
    const dune = book({ title: 'Dune' });
    client.setQueryData(bookKeys.detail(dune.id), dune);
    client.setQueryData(bookKeys.list(all), page([dune]));
    client.setQueryData(bookKeys.list(params('q=dune')), page([dune]));

    applyBookEvent(client, event('book:updated', { ...dune, price: 799 }), refetches);
    expect(client.getQueryData<Book>(bookKeys.detail(dune.id))?.price).toBe(799);
    expect(client.getQueryData<Page<Book>>(bookKeys.list(all))?.items[0].price).toBe(799);
    expect(client.getQueryData<Page<Book>>(bookKeys.list(params('q=dune')))?.items[0].price).toBe(799);

    applyBookEvent(client, event('book:deleted', { id: dune.id }), refetches);
    expect(client.getQueryData(bookKeys.detail(dune.id))).toBeNull();
    expect(client.getQueryData<Page<Book>>(bookKeys.list(all))?.items).toEqual([]);
  });

  it('creates no cache entry for a book nobody looks at', () => {
    applyBookEvent(client, event('book:updated', book()), refetches);
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it('refetches, rather than patches, a query whose fetch is in flight (its answer may predate the event)', async () => {
    const dune = book();
    let answer = { ...dune, price: 1 };
    const fetcher = vi.fn(async () => answer);
    const first = client.fetchQuery({ queryKey: bookKeys.detail(dune.id), queryFn: fetcher }).catch((error: unknown) => error);
    expect(client.getQueryState(bookKeys.detail(dune.id))?.fetchStatus).toBe('fetching');

    answer = { ...dune, price: 2 };
    applyBookEvent(client, event('book:updated', answer), refetches);
    await vi.runAllTimersAsync();

    expect(isCancelledError(await first)).toBe(true);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(client.getQueryData<Book>(bookKeys.detail(dune.id))?.price).toBe(2);
  });

  it('coalesces the refetches a burst asks for into one request per shown query', async () => {
    const fetcher = vi.fn(async () => page([book()]));
    const shown = new QueryObserver(client, { queryKey: bookKeys.list(all), queryFn: fetcher });
    const unsubscribe = shown.subscribe(() => {});
    await vi.runAllTimersAsync();
    expect(fetcher).toHaveBeenCalledTimes(1);

    for (let i = 0; i < 50; i++) applyBookEvent(client, event('book:created', book()), refetches);
    await vi.runAllTimersAsync();

    expect(fetcher).toHaveBeenCalledTimes(2);
    unsubscribe();
  });
});

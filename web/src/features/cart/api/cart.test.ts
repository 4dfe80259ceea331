import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { bookKeys } from '@/features/books/api/keys';
import { applyBookEvent } from '@/features/books/live';
import { RefetchScheduler } from '@/lib/live/refetch-scheduler';
import { book, event } from '@/testing/data';
import type { Book } from '@/types/api';
import { type CartLine, orderItems, reviewCart } from './cart';

const line = (target: Book, quantity = 1): CartLine =>
  ({ bookId: target.id, quantity, title: target.title, author: target.author, price: target.price });

describe('reviewCart', () => {
  it('adds up copies and today’s prices', () => {
    const [a, b] = [book({ price: 1299 }), book({ price: 450 })];
    const review = reviewCart([line(a, 2), line(b, 3)], new Map([[a.id, a], [b.id, b]]));
    expect(review).toMatchObject({ count: 5, total: 2 * 1299 + 3 * 450, canCheckout: true });
  });

  it('flags a price change and counts the new price', () => {
    const a = book({ price: 1299 });
    const review = reviewCart([line(a, 2)], new Map([[a.id, { ...a, price: 999 }]]));
    expect(review.lines[0]).toMatchObject({ priceWas: 1299, unitPrice: 999, subtotal: 1998 });
    expect(review.canCheckout).toBe(true);
  });

  it('flags deleted and sold-out books, leaves them out of the total and blocks checkout', () => {
    const [gone, soldOut, fine] = [book(), book(), book({ price: 100 })];
    const review = reviewCart([line(gone), line(soldOut), line(fine)],
      new Map<string, Book | null>([[gone.id, null], [soldOut.id, { ...soldOut, stock: 0 }], [fine.id, fine]]));
    expect(review.lines.map((l) => l.problem)).toEqual(['deleted', 'out-of-stock', undefined]);
    expect(review.total).toBe(100);
    expect(review.canCheckout).toBe(false);
  });

  it('flags a quantity above the stock', () => {
    const a = book({ stock: 2 });
    const review = reviewCart([line(a, 3)], new Map([[a.id, a]]));
    expect(review.lines[0].problem).toBe('short');
    expect(review.canCheckout).toBe(false);
  });

  it('waits for books still loading before allowing checkout, pricing them as added', () => {
    const a = book({ price: 700 });
    const review = reviewCart([line(a, 2)], new Map());
    expect(review).toMatchObject({ total: 1400, canCheckout: false });
    expect(review.lines[0].problem).toBeUndefined();
  });

  it('is empty and cannot check out without lines', () => {
    expect(reviewCart([], new Map())).toEqual({ lines: [], count: 0, total: 0, canCheckout: false });
  });

  it('reflects live events at once: the cart reads the books’ cached entries that events update', () => {
    const client = new QueryClient();
    const a = book({ price: 1000, stock: 1 });
    client.setQueryData(bookKeys.detail(a.id), a);
    const cartOf = () => reviewCart([line(a)], new Map([[a.id, client.getQueryData<Book | null>(bookKeys.detail(a.id))]]));
    const refetches = new RefetchScheduler(client, 300, 2_000);

    applyBookEvent(client, event('book:updated', { ...a, stock: 0 }), refetches);
    expect(cartOf().lines[0].problem).toBe('out-of-stock');
    applyBookEvent(client, event('book:updated', { ...a, stock: 4, price: 800 }), refetches);
    expect(cartOf()).toMatchObject({ total: 800, canCheckout: true });
    applyBookEvent(client, event('book:deleted', { id: a.id }), refetches);
    expect(cartOf().lines[0].problem).toBe('deleted');
    client.clear();
  });
});

describe('orderItems', () => {
  it('keeps cart order, which the api’s items[i] problems refer to', () => {
    const [a, b] = [book(), book()];
    expect(orderItems([line(a, 2), line(b)])).toEqual([{ bookId: a.id, quantity: 2 }, { bookId: b.id, quantity: 1 }]);
  });
});

import type { LiveEvent } from '@/lib/live/frames';
import type { Book, Order, Page } from '@/types/api';

let sequence = 0;

export function book(fields: Partial<Book> = {}): Book {
  sequence += 1;
  return { id: `b${sequence}`, title: `Book ${sequence}`, author: 'Ann Author', price: 1000, stock: 5, ...fields };
}

export function order(fields: Partial<Order> = {}): Order {
  sequence += 1;
  return {
    id: `o${sequence}`, userId: 'u1', items: [{ bookId: 'b1', title: 'Dune', price: 1000, quantity: 1 }], total: 1000,
    status: 'pending', createdAt: '2026-11-22T10:00:00Z', updatedAt: '2026-11-22T10:00:00Z', ...fields,
  };
}

export function page<T>(items: T[], fields: Partial<Page<T>> = {}): Page<T> {
  return { items, page: 0, size: 20, totalItems: items.length, totalPages: 1, ...fields };
}

export function event(type: string, data: object, fields: Partial<LiveEvent> = {}): LiveEvent {
  sequence += 1;
  return { id: `${sequence}-0`, type, topic: type.startsWith('order') ? 'orders:u1' : 'books', data: data as LiveEvent['data'], ...fields };
}

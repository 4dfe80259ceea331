import { useSyncExternalStore } from 'react';
import { createStore } from '@/lib/store';
import type { Book } from '@/types/api';
import type { CartLine } from './cart';

// The cart lives in this browser (localStorage), so it survives reloads and needs no account;
// other tabs follow through the storage event.

const KEY = 'bookhub.cart';
const lines = createStore<CartLine[]>(read());

function read(): CartLine[] {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((line) => typeof line?.bookId === 'string' && Number.isInteger(line.quantity) && line.quantity > 0)
      : [];
  } catch {
    return [];
  }
}

function write(next: CartLine[]): void {
  localStorage.setItem(KEY, JSON.stringify(next));
  lines.set(next);
}

window.addEventListener('storage', (event) => {
  if (event.key === KEY) lines.set(read());
});

export const cartStore = {
  get: lines.get,
  subscribe: lines.subscribe,
  add(book: Book): void {
    const existing = lines.get().find((line) => line.bookId === book.id);
    write(existing
      ? lines.get().map((line) => (line === existing ? { ...line, quantity: line.quantity + 1 } : line))
      : [...lines.get(), { bookId: book.id, quantity: 1, title: book.title, author: book.author, price: book.price }]);
  },
  setQuantity(bookId: string, quantity: number): void {
    write(quantity > 0
      ? lines.get().map((line) => (line.bookId === bookId ? { ...line, quantity } : line))
      : lines.get().filter((line) => line.bookId !== bookId));
  },
  remove(bookId: string): void {
    write(lines.get().filter((line) => line.bookId !== bookId));
  },
  clear(): void {
    write([]);
  },
};

export function useCart(): CartLine[] {
  return useSyncExternalStore(cartStore.subscribe, cartStore.get);
}

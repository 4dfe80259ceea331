import { useSyncExternalStore } from 'react';
import type { Book } from '@/types/api';
import type { CartLine } from './cart';

// The cart lives in this browser (localStorage), so it survives reloads and needs no account;
// other tabs follow through the storage event.

const KEY = 'bookhub.cart';
let lines: CartLine[] = read();
const listeners = new Set<() => void>();

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
  lines = next;
  localStorage.setItem(KEY, JSON.stringify(next));
  listeners.forEach((listener) => listener());
}

window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  lines = read();
  listeners.forEach((listener) => listener());
});

export const cartStore = {
  get: (): CartLine[] => lines,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  add(book: Book): void {
    const existing = lines.find((line) => line.bookId === book.id);
    write(existing
      ? lines.map((line) => (line === existing ? { ...line, quantity: line.quantity + 1 } : line))
      : [...lines, { bookId: book.id, quantity: 1, title: book.title, author: book.author, price: book.price }]);
  },
  setQuantity(bookId: string, quantity: number): void {
    write(quantity > 0
      ? lines.map((line) => (line.bookId === bookId ? { ...line, quantity } : line))
      : lines.filter((line) => line.bookId !== bookId));
  },
  remove(bookId: string): void {
    write(lines.filter((line) => line.bookId !== bookId));
  },
  clear(): void {
    write([]);
  },
};

export function useCart(): CartLine[] {
  return useSyncExternalStore(cartStore.subscribe, cartStore.get);
}

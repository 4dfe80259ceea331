import { useBooksById } from '@/features/books/api/get-book';
import { bookKeys } from '@/features/books/api/keys';
import { useCart } from '@/features/cart/api/cart-store';
import { useBookSubscription } from '@/lib/live/live-context';

/**
 * The cart's lines and their books, kept live through one subscription to exactly those books (the
 * cart badge on every page and the cart page share it). Their changes also feed the cart's toasts.
 */
export function useLiveCart() {
  const lines = useCart();
  const ids = lines.map((line) => line.bookId);
  const books = useBooksById(ids);
  const problem = useBookSubscription('cart', ids.length > 0 ? { ids } : undefined, ids.map(bookKeys.detail));
  return { lines, ...books, problem };
}
